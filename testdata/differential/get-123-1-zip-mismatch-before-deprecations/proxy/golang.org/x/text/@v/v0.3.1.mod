module golang.org/x/text

go 1.24.2

require (
	example.com/oscar v1.4.1
)
