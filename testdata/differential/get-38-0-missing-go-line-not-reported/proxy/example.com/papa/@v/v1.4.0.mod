module example.com/papa

go 1.21.0

require (
	github.com/acme/alpha/india v1.2.0
	golang.org/x/sys/kilo v0.1.2
)
