module example.org/util

go 1.23.4

toolchain go1.25.1

require (
	github.com/acme/lima v0.2.2
	golang.org/x/crypto v1.2.0
)
