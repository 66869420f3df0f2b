module golang.org/x/kilo

go 1.16

require (
	example.org/errors v1.0.0-20240524030738-003f867e50a6
)
