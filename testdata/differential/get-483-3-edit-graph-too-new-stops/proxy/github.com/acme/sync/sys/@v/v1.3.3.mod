module github.com/acme/sync/sys

go 1.26.1

require (
	go.example.net/foxtrot v1.2.3
	go.example.net/foxtrot v1.3.3
	go.example.net/foxtrot v1.3.3
)
