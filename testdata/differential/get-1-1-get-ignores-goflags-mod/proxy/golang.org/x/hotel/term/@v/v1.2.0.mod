module golang.org/x/hotel/term

go 1.21.0

require (
	example.com/kilo v1.4.3
)
