module github.com/acme/errors/json

go 1.22

require (
	golang.org/x/lib v1.2.2
	golang.org/x/lib v1.4.0
	golang.org/x/lib v1.0.0
)
