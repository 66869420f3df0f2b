module example.com/quebec/sys

go 1.27.3

require (
	golang.org/x/neT/romeo v0.0.3
	example.org/osCar v1.2.0
)
