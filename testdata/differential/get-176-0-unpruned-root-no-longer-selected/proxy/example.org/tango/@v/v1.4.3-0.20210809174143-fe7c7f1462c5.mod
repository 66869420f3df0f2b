module example.org/tango

go 1.16

require (
	example.com/sql v1.4.0
	test.example/sql v0.4.1
)
