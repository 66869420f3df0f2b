module golang.org/x/tango/sub

go 1.25.0

require (
	golang.org/x/india/sub v1.4.0
	github.com/acme/juliet v1.0.3
)
