module test.example/romeo

go 1.24.2

require (
	test.example/core v2.4.2+incompatible
	test.example/core v1.1.1
	example.org/xray v1.0.1
	github.com/acme/tango v3.3.1+incompatible
)
