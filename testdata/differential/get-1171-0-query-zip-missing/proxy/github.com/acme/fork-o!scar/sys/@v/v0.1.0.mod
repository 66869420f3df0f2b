module golang.org/x/hotel/golf

go 1.21

require (
	golang.org/x/sql v1.1.0
)
