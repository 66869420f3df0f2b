module golang.org/x/crypto

go 1.21.0

require (
	example.org/util v1.0.1
	test.example/bravo v0.4.2
)
