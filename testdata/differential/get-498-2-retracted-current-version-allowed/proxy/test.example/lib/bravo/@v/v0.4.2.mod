module test.example/lib/bravo

go 1.21

require (
	test.example/sys v1.3.1
)
