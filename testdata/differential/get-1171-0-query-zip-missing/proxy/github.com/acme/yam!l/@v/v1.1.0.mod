module github.com/acme/yamL

go 1.22.1

require (
	golang.org/x/sql v1.4.1
)
