module golang.org/x/alpha/november

go 1.16

require (
	example.com/text v1.0.2
)
