module example.org/yankee

require (
	test.example/india v1.0.1
)
