module golang.org/x/lib

go 1.21.0

toolchain go1.27.3

require (
	github.com/Zeta/golf/victor v1.2.3
	golang.org/x/tango/echo v1.0.1
)
