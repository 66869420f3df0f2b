module github.com/acme/log

go 1.23.4

require (
	golang.org/x/net v0.4.0
	golang.org/x/net v0.4.0
)

replace test.example/kilo/india => test.example/kilo/india v1.4.0
