module github.com/acme/sieRra

go 1.21.0

require (
	github.com/Zeta/net v2.2.3+incompatible
	github.com/Zeta/net v2.2.3+incompatible
	golang.org/x/mike v1.2.0
)
