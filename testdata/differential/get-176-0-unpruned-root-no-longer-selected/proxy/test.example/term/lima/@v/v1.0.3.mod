module test.example/term/lima

go 1.16

require (
	golang.org/x/oscar v2.2.3+incompatible
)
