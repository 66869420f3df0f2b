module github.com/acme/sierra/yankee

go 1.26.1

require (
	test.example/term/lib v0.1.2
	example.com/core v1.2.0
)
