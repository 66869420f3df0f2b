module example.com/text

go 1.22

require (
	golang.org/x/tango v4.4.0+incompatible
)
