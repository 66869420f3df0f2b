module test.example/term

go 1.13

toolchain go1.24.2

retract (
	// Broken.
	v1.3.0
)
