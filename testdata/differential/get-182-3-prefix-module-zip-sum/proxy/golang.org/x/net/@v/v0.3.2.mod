module golang.org/x/net

go 1.19

require (
	golang.org/x/crypto v1.4.1
)
