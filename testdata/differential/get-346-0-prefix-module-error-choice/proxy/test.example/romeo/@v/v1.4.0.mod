module test.example/romeo

go 1.23

require (
	test.example/core v1.1.1
	test.example/core v1.4.0
)
