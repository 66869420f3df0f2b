module test.example/sys

go 1.26.1

toolchain go1.22.3

require (
	github.com/Zeta/xray/yaml v4.1.1+incompatible
)
