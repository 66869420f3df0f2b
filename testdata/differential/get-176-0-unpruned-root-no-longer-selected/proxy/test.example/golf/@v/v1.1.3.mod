module test.example/golf

go 1.13

require (
	golang.org/x/kilo v1.4.2
	example.org/foxtrot/victor v1.2.2
	golang.org/x/oscar v3.0.0+incompatible
)
