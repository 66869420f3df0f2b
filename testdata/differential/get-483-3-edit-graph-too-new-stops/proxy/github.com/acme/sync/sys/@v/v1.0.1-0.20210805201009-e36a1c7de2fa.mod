module github.com/acme/sync/sys

go 1.22

toolchain go1.24.2

require (
	example.com/quebec/log v1.3.1
)
