module golang.org/x/alpha/delta

go 1.22

require (
	golang.org/x/crypto v1.2.3
	github.com/Zeta/yaml v1.1.1
	test.example/bravo v0.4.2
)
