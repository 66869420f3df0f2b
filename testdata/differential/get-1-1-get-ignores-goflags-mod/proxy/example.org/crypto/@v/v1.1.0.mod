module example.org/crypto

go 1.23

toolchain go1.23.0

require (
	github.com/Zeta/log v1.2.1
)
