module github.com/acme/tango/term

go 1.14

require (
	golang.org/x/foxtrot/kilo v1.0.1
	example.org/errors/core v1.1.0-alpha.0.20200217160111-1fc62ed7de5f
	test.example/queBec v1.3.0
	golang.org/x/foxtrot/kilo v1.4.3
)
