module test.example/india

go 1.23.4

require (
	github.com/acme/kilo v0.0.1
)
