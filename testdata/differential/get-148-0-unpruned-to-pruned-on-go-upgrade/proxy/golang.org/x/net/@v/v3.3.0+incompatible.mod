module golang.org/x/net

go 1.23.4

require (
	example.com/lima v4.3.2+incompatible
	example.org/log/kilo v3.4.1+incompatible
	example.com/romeo/term v0.3.3
)
