module golang.org/x/net

go 1.16

require (
	example.com/romeo/term v0.3.3
	github.com/Zeta/kilo v1.2.0
	example.com/romeo/term v0.3.3
)
