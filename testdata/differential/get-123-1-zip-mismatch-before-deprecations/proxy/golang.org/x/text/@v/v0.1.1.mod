module golang.org/x/text

go 1.25.0

toolchain go1.25.1

require (
	github.com/Zeta/sys/oscar v1.2.2-dev
	golang.org/x/bravo/lib v1.2.1
)
