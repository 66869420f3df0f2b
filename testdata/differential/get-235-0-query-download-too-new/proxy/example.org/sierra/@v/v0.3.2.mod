module example.org/sierra

go 1.21.0

require (
	example.com/log/yankee v1.3.1
)
