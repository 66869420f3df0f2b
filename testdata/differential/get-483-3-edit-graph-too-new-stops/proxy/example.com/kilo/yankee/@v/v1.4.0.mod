module example.com/kilo/yankee

go 1.17

require (
	example.org/india v1.2.0
)
