module github.com/acme/sync

go 1.24.2

toolchain go1.22.3
