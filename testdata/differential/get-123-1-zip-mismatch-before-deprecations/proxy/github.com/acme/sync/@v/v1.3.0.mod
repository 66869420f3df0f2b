module github.com/acme/sync

go 1.21.0

toolchain go1.21.0

require (
	github.com/Zeta/sys/oscar v1.2.2-beta.11
)
