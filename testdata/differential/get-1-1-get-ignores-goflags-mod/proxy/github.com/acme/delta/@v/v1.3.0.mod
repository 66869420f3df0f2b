module github.com/acme/delta

go 1.14

require (
	golang.org/x/crypto v1.2.0
)
