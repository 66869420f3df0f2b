module example.com/sync/whiskey

go 1.22

require (
	github.com/acme/util v1.4.1
	github.com/acme/util v1.4.0
)
