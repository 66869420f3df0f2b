module test.example/oscar

toolchain go1.25.1

require (
	github.com/acme/kilo v0.0.1
	test.example/whiskey v1.0.1
)
