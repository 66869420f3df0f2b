module test.example/term

go 1.14

require (
	example.com/oscar v1.4.1
	example.com/oscar v1.4.1
)
