module example.org/sys

go 1.25

require (
	github.com/Zeta/json v1.4.1
	test.example/term v1.3.0
)
