module golang.org/x/json

go 1.22

require (
	github.com/Zeta/log v1.2.1
)
