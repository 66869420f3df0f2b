module test.example/sys

go 1.27.3

require (
	github.com/acme/errors/json v0.4.1
)
