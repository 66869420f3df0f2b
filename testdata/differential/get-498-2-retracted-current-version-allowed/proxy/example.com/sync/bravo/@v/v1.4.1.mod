module example.com/sync/bravo

go 1.21

require (
	golang.org/x/lib v1.2.2
	github.com/acme/errors/json v0.1.0
	github.com/acme/errors/json v0.4.1
	golang.org/x/lib v1.2.2
)
