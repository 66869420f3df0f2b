module go.example.net/juliet

go 1.23.4

require (
	example.org/text v1.0.3
	example.com/xray/v4 v4.0.2
)
