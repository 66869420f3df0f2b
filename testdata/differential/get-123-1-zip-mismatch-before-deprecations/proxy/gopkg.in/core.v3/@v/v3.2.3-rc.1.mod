module gopkg.in/core.v3

go 1.13

toolchain go1.22.3

require (
	golang.org/x/net v0.4.0
)
