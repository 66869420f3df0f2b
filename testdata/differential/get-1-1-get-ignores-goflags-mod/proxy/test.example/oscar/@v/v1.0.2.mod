module test.example/oscar

go 1.16

require (
	github.com/Zeta/sierra v1.2.0
)
