module test.example/crypto

go 1.17

require (
	golang.org/x/sync/victor v1.0.1
	example.com/yaml v1.3.2
)
