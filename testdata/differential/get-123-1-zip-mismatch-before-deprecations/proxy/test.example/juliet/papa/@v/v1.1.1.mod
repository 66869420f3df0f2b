module test.example/juliet/papa

go 1.23

toolchain go1.21.0

require (
	github.com/Zeta/xray/yaml v4.1.1+incompatible
)
