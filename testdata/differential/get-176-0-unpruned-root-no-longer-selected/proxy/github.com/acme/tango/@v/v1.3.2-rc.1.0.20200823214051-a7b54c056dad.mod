module github.com/acme/tango

go 1.13

require (
	golang.org/x/crypto v1.0.1
)
