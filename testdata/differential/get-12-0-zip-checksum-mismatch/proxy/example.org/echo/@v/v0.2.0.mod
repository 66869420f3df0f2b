// Deprecated: this module is unmaintained
module example.org/echo

go 1.22

require (
	test.example/json v1.1.1
	go.example.net/yankee v0.0.3
)
