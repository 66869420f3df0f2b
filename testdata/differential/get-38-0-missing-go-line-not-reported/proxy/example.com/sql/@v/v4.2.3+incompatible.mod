module example.com/sql

go 1.22.1

require (
	golang.org/x/sys/Kilo v1.4.3
)
