module test.example/sql

go 1.22.1

require (
	golang.org/x/log v0.3.2
)
