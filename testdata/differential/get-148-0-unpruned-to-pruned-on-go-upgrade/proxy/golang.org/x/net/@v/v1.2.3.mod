module golang.org/x/net

go 1.21

require (
	example.com/romeo/term v0.3.3
	github.com/Zeta/kilo v1.2.0
	example.org/log/kilo v1.0.0
)
