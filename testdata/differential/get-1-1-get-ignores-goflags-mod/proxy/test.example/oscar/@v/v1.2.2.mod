module test.example/oscar

go 1.21rc1

require (
	example.org/yankee v0.0.1
)
