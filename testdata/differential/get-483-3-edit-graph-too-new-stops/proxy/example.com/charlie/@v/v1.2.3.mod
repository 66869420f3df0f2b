module example.com/charlie

go 1.21

require (
	github.com/acme/sync/sys v1.0.0
	github.com/acme/sync/sys v1.3.3
)
