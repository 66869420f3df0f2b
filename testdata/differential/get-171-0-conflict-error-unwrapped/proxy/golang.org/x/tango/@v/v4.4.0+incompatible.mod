module golang.org/x/tango

go 1.21.0

require (
	golang.org/x/india/sub v1.1.2
)
