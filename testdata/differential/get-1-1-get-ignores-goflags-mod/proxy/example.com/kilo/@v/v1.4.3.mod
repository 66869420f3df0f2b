module example.com/kilo

go 1.17

require (
	golang.org/x/tango v1.4.0
	test.example/india v1.3.2
)
