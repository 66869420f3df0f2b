module golang.org/x/util

go 1.17

require (
	github.com/acme/sieRra v1.1.3
)
