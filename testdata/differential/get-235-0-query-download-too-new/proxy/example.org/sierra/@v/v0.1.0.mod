module example.org/sierra

go 1.25.0

require (
	example.com/log/yankee v1.3.1
)
