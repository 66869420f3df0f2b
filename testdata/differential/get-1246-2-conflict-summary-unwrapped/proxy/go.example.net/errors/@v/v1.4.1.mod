// Deprecated: this module is unmaintained
module go.example.net/errors

require (
	test.example/util v1.0.1
)
