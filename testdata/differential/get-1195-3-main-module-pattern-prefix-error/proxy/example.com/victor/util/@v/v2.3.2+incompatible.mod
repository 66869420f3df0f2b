module example.com/victor/util

go 1.22

toolchain go1.27.3
