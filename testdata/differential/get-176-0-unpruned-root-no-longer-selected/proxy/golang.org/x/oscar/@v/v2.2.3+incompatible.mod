module golang.org/x/oscar

go 1.24.2

require (
	test.example/sierra v0.2.1
)
