module example.com/oscar

go 1.21.0

require (
	example.com/quebec/log v1.3.1
	example.com/kilo/yankee v1.0.0
)
