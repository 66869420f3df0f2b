module example.com/kilo

go 1.17

require (
	golang.org/x/tango v1.4.0
	golang.org/x/tango v1.4.0
	example.org/sql v1.0.1
)
