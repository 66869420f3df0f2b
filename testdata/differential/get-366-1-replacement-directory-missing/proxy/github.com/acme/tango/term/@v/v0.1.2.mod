module github.com/acme/tango/term

go 1.17

require (
	example.org/victor/sql v1.0.2
)
