module github.com/acme/tango

go 1.16

require (
	golang.org/x/oscar v2.2.3+incompatible
)
