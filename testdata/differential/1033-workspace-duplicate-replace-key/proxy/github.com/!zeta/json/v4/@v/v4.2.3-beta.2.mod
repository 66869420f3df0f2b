module github.com/Zeta/json/v4

require (
	github.com/Zeta/errors/romeo v0.0.3-alpha.1
	example.org/crypto v1.2.1
)
