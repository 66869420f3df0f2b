module example.com/victor/util

go 1.21.0

toolchain go1.21.0

require (
	github.com/acme/util v1.3.1
	go.example.net/net v1.0.2
)
