module github.com/Zeta/delta

go 1.25

toolchain go1.24.2
