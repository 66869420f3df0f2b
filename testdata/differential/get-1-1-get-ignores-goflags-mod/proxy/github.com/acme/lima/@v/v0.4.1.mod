module github.com/acme/lima

go 1.22

toolchain go1.25.1
