module example.com/quebec/sys

go 1.23.4

require (
	golang.org/x/neT/romeo v0.0.3
	example.org/osCar v1.4.1
)
