module github.com/acme/echo

go 1.20

toolchain go1.21.0

require (
	github.com/Zeta/mike v1.3.2
	example.com/term/quebec v1.4.1
)
