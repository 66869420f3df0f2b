// Deprecated: use example.com/other instead.
module test.example/log

go 1.13

require (
	go.example.net/india v0.4.2
	golang.org/x/lib v1.0.0
	example.org/kilo/oscar v1.2.2
	example.org/sql v0.1.0
)
