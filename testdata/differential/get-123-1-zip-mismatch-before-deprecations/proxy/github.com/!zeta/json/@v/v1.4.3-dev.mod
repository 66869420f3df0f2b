module github.com/Zeta/json

go 1.20

require (
	test.example/term v1.3.0
	golang.org/x/echo v1.1.1
)
