// Deprecated: this module is unmaintained
module golang.org/x/sys

require (
	example.org/hotel v1.0.3
	example.org/hotel v1.3.2
)
