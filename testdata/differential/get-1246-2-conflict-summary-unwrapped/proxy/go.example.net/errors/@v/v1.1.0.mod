module go.example.net/errors

go 1.21

require (
	github.com/acme/text v1.4.3
	github.com/acme/text v1.4.3
)
