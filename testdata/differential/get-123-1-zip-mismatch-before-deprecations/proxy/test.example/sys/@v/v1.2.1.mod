module test.example/sys

go 1.14

toolchain go1.25.1

require (
	golang.org/x/text v0.2.0
)

retract v1.0.0 // Bad release.
