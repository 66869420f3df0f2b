module gopkg.in/tango.v2

require (
	golang.org/x/text v0.1.1
)
