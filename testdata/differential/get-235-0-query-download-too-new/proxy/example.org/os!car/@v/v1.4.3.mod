module example.org/osCar

go 1.27.4

require (
	example.com/log/yankee v1.3.1
)
