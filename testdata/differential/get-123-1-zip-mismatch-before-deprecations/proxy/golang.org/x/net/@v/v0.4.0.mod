module golang.org/x/net

go 1.14

toolchain go1.22.3
