module example.com/core

go 1.24.2

require (
	golang.org/x/term v1.0.3
	github.com/acme/quebec v1.4.0
)
