module test.example/sierra

require (
	golang.org/x/kilo v1.4.2
	example.org/errors v4.0.0+incompatible
)
