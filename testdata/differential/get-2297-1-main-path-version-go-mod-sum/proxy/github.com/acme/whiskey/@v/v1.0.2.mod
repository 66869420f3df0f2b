module github.com/acme/whiskey

go 1.16

require (
	golang.org/x/alpha/whiskey v1.3.3
	test.example/net v1.3.0
	example.org/text v1.4.1
)
