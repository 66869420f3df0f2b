module github.com/Zeta/util

go 1.21.0

require (
	github.com/acme/tango v1.2.3
	golang.org/x/oscar v3.0.0+incompatible
	golang.org/x/log v0.3.2
	golang.org/x/crypto v1.0.1
	example.org/term/quebec v1.0.2
)
