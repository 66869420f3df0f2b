module github.com/acme/echo

go 1.23.4

require (
	golang.org/x/tango v1.4.0
)
