module github.com/acme/lib/errors

go 1.17

require (
	golang.org/x/tango/sub v1.1.1
	github.com/acme/juliet v1.2.0
	golang.org/x/india/sub v1.1.2
)
