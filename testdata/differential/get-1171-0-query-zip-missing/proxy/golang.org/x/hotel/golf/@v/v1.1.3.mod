module golang.org/x/hotel/golf

go 1.17

require (
	github.com/Zeta/alpha v1.2.1
)
