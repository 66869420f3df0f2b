module test.example/queBec

require (
	example.org/errors/core v1.1.0-alpha.0.20200217160111-1fc62ed7de5f
)
