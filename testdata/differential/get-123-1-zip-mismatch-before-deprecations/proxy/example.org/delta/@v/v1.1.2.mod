module example.org/delta

go 1.13

toolchain go1.22.3

tool example.com/tool
