module golang.org/x/neT/romeo

go 1.19

require (
	example.org/osCar v1.4.3
)
