module example.org/crypto

go 1.22.1

require (
	test.example/bravo v0.3.0
	golang.org/x/crypto v1.2.0
	example.org/yankee v0.4.2
)
