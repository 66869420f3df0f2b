module github.com/Zeta/mike

go 1.27.3

require (
	golang.org/x/alpha/delta v1.0.3
)
