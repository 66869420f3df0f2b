module test.example/oscar

go 1.23

toolchain go1.23.0

require (
	golang.org/x/json v1.3.1
)
