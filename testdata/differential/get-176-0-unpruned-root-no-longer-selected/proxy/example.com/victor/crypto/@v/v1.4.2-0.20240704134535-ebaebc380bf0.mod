module example.com/victor/crypto

go 1.22.1

require (
	test.example/sql v0.4.1
	golang.org/x/november/core v4.1.2+incompatible
)
