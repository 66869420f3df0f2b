module github.com/Zeta/delta

toolchain go1.23.0

require (
	test.example/oscar v1.2.2
)
