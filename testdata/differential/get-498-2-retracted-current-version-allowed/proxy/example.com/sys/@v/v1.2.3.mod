module example.com/sys

go 1.22

require (
	github.com/acme/errors/json v0.1.0
	example.com/sync/bravo v1.1.2
)
