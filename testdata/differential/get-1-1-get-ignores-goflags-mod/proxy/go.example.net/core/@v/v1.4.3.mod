module go.example.net/core

go 1.20

toolchain go1.21.0

require (
	golang.org/x/crypto v1.2.3
	github.com/acme/romeo v0.4.1
)
