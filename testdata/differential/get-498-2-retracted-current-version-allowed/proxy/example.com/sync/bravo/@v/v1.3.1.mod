module example.com/sync/bravo

go 1.24.2

require (
	github.com/acme/errors/json v0.1.0
)
