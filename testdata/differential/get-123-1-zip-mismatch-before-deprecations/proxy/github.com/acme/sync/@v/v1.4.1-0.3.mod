module github.com/acme/sync

go 1.16

toolchain go1.21.0

tool example.com/tool
