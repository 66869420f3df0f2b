module golang.org/x/tango

go 1.22

require (
	golang.org/x/india v1.3.2
)
