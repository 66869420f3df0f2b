module example.com/sql

require (
	golang.org/x/sys/kilo v0.1.2
)
