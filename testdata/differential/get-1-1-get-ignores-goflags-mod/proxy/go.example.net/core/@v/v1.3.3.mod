module go.example.net/core

toolchain go1.21.0

require (
	golang.org/x/crypto v1.2.0
)
