module test.example/json

go 1.18

require (
	example.org/victor/sql v1.0.2
	go.example.net/quebec v1.0.1
	github.com/acme/tango/term v0.0.1
)
