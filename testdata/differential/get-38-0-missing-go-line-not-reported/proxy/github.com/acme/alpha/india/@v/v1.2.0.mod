module github.com/acme/alpha/india

go 1.16

require (
	example.com/sql v4.2.3+incompatible
	golang.org/x/sys/kilo v0.1.2
	example.com/sql v4.2.3+incompatible
	golang.org/x/sys/Kilo v1.4.3
	golang.org/x/sys/Kilo v1.2.2
)
