module test.example/term/lib

go 1.23.4

require (
	golang.org/x/november/core v4.1.2+incompatible
	github.com/Zeta/oscar v0.1.3
)
