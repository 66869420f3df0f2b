module golang.org/x/sql

go 1.14

require (
	github.com/Zeta/alpha v1.2.2
	github.com/Zeta/alpha v1.2.2
)
