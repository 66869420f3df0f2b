module example.com/victor/util

go 1.16

toolchain go1.21.0

require (
	golang.org/x/sierra v0.2.2-0.3
)
