module golang.org/x/net

go 1.22

require (
	example.org/log/kilo v1.0.0
	github.com/Zeta/kilo v1.2.0
)
