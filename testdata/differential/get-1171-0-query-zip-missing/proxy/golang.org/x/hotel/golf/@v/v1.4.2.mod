module golang.org/x/hotel/golf

go 1.20

require (
	github.com/acme/yamL v1.1.0
	golang.org/x/sql v1.1.0
)
