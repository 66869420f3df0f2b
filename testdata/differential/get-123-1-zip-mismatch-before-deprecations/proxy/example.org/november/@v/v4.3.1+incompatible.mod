// Deprecated: this module is unmaintained
module example.org/november

go 1.27

require (
	example.org/bravo v1.2.0
)
