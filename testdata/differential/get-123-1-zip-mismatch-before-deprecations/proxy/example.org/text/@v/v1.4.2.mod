module example.org/text

go 1.23.4

require (
	test.example/sys v1.0.0
)

retract v1.3.0 // Bad release.
