module golang.org/x/victor/alpha

go 1.24.2

require (
	test.example/json v1.2.2
	test.example/json v1.2.2
)
