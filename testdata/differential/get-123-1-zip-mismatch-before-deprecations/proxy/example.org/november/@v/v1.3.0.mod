module example.org/november

go 1.26.1

toolchain go1.24.2

require (
	golang.org/x/echo v1.1.1
)

exclude test.example/juliet/papa v1.1.0
