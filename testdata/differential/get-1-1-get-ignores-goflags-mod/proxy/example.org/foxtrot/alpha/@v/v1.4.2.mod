module example.org/foxtrot/alpha

go 1.25

toolchain go1.25.1

require (
	test.example/oscar v1.0.2
)
