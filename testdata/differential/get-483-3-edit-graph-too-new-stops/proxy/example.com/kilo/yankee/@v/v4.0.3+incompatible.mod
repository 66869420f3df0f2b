module example.com/kilo/yankee

go 1.20

require (
	example.org/india v1.2.0
)
