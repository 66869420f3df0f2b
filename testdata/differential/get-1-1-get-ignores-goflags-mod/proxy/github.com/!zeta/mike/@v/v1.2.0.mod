module github.com/Zeta/mike

go 1.23.4

require (
	example.org/crypto v1.8.0
)
