module test.example/india

go 1.16

require (
	example.org/crypto v1.0.3
	test.example/whiskey v1.0.1
	example.org/yankee v0.4.2
)
