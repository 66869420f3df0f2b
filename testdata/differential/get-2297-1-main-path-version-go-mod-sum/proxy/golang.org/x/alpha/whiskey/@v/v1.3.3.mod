module golang.org/x/alpha/whiskey

go 1.13

require (
	example.com/oscar/sql v0.0.2
)
