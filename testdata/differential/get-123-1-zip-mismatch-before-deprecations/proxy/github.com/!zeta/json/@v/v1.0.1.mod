module github.com/Zeta/json

go 1.19

require (
	test.example/term v1.3.0
)
