module example.org/sql

go 1.26.1

require (
	golang.org/x/tango v1.4.0
	github.com/acme/echo v1.2.2
)
