module golang.org/x/juliet/taNgo

go 1.24.2

require (
	github.com/acme/yankee v1.0.4-0.20240612021412-2ae1988c46b8
)
