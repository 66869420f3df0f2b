module golang.org/x/alpha/november

require (
	example.com/text v1.0.2
	golang.org/x/tango v0.1.2
	example.com/text v4.0.1+incompatible
)
