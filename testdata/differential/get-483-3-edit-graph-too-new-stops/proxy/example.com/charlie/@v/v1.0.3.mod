module example.com/charlie

go 1.17

require (
	github.com/acme/sync/sys v1.2.1
)
