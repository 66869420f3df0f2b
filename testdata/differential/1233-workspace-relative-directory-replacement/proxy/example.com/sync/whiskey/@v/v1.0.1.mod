module example.com/sync/whiskey

go 1.21.0

require (
	github.com/acme/util v1.4.1
	github.com/acme/util v1.4.0
)
