module go.example.net/delta

go 1.18

require (
	example.org/text v1.3.3
)

godebug default=go1.21
