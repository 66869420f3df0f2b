module golang.org/x/text

go 1.19

require (
	golang.org/x/bravo/lib v1.2.1
	example.com/oscar v1.0.0
)
