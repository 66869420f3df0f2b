// Deprecated: this module is unmaintained
module example.org/sql/lib

go 1.16

require (
	test.example/kilo/india v1.4.0
	example.org/papa v1.1.1
)
