module example.com/golf

go 1.23.4

toolchain go1.25.1

require (
	test.example/whiskey v0.2.0-alpha.1
)
