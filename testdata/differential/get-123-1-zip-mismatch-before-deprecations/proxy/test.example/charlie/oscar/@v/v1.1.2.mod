module test.example/charlie/oscar

go 1.22.1

require (
	github.com/Zeta/sys/oscar v1.2.2-dev
	example.org/hotel v1.3.2
)
