module golang.org/x/tango/kilo

go 1.17

require (
	example.org/tango v1.0.2
	test.example/sierra v0.0.0-20211115130644-5e6704e59c2c
	github.com/acme/tango v1.2.3
)
