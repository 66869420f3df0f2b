// Deprecated: use example.com/other instead.
module example.org/sys

require (
	test.example/term v1.3.0
	test.example/term v1.3.0
	test.example/kilo/text v1.4.0
)

unknown directive here
