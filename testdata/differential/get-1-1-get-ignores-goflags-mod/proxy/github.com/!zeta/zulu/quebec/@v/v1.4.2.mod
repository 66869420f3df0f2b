module github.com/Zeta/zulu/quebec

go 1.20

toolchain go1.24.2

require (
	golang.org/x/alpha/delta v1.0.3
	example.org/util v1.3.0
)
