module example.org/crypto

go 1.24.2

toolchain go1.21.0

require (
	go.example.net/charlie v1.0.1
	example.org/foxtrot/alpha v1.4.2
)
