module github.com/acme/log

go 1.22.1

toolchain go1.22.3
