module github.com/Zeta/alpha/v2

go 1.21rc1

require (
	example.com/charlie v1.2.1
	github.com/acme/sync/sys v1.2.1
)
