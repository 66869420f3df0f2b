module test.example/romeo/sub

go 1.24.2

require (
	example.org/crypto v1.0.0-dev
	github.com/Zeta/errors/romeo v0.0.3-alpha.1
)
