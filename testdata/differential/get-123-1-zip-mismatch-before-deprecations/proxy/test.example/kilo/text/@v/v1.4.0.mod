module test.example/kilo/text

go 1.26.1

require (
	example.org/bravo v1.2.0
	golang.org/x/text/foxtrot v0.3.0
	test.example/term v1.4.1
)
