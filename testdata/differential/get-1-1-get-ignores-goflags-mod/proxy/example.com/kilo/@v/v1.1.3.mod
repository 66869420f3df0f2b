module example.com/kilo

go 1.16

require (
	github.com/acme/kilo v0.0.2
	github.com/acme/kilo v0.0.1
	golang.org/x/alpha/delta v1.0.3
)
