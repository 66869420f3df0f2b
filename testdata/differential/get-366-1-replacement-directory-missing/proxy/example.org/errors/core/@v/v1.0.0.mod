module example.org/errors/core

go 1.21

require (
	go.example.net/victor v1.1.3-pre.0.20211012075332-e3babd2680e3
	example.com/mike v0.0.2
	github.com/acme/net/net v1.0.0
	example.org/uniform/foxtrot v0.1.3
)
