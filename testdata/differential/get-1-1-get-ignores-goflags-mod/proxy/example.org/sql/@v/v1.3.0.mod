module example.org/sql

go 1.13

toolchain go1.21.0

require (
	example.com/term/quebec v1.4.1
	github.com/acme/echo v1.2.2
	golang.org/x/tango v1.4.0
)
