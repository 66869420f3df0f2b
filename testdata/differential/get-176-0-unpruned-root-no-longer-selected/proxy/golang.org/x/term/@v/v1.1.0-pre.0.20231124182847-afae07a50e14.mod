module golang.org/x/term

go 1.23

require (
	github.com/Zeta/oscar v2.0.3+incompatible
	golang.org/x/oscar v2.2.3+incompatible
	example.com/victor/crypto v1.4.0
)
