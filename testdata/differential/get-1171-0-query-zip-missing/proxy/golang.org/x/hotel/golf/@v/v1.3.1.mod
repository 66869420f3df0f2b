module golang.org/x/hotel/golf

go 1.26.1

require (
	golang.org/x/sql v1.4.1
)
