module github.com/acme/tango

go 1.20

require (
	test.example/core v1.1.1
)
