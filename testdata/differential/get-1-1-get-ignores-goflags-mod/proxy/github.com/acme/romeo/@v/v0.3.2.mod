module github.com/acme/romeo

go 1.17

require (
	example.org/yankee v0.0.1
	test.example/india v1.0.1
	golang.org/x/hotel/term v1.2.0
)
