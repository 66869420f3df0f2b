module golang.org/x/whiskey/hotel

go 1.16

require (
	example.org/errors/core v1.0.0
)
