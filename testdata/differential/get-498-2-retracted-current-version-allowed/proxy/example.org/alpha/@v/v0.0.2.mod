module example.org/alpha

go 1.27.3

require (
	example.com/sys v1.2.3
	example.org/kilo/oscar v1.2.2
)
