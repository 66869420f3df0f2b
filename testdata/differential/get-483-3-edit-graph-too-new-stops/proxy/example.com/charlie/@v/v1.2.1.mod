module example.com/charlie

go 1.27.3

toolchain go1.24.2

require (
	github.com/acme/sync/sys v1.0.0
	go.example.net/foxtrot v1.2.3
)
