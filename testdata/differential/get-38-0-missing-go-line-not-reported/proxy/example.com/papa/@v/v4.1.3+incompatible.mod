module example.com/papa

go 1.27

require (
	golang.org/x/sys/kilo v0.2.0
	golang.org/x/sys/kilo v0.1.2
	example.com/sql v4.2.3+incompatible
)
