module example.com/kilo/yankee

go 1.21rc1

require (
	example.com/oscar v1.2.2
)
