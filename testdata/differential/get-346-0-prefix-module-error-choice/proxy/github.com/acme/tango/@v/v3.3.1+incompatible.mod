module github.com/acme/tango

go 1.14

require (
	test.example/core v2.4.2+incompatible
)
