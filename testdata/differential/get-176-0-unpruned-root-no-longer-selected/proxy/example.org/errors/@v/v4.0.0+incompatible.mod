module example.org/errors

go 1.24.2

require (
	github.com/Zeta/xray v0.2.0
)
