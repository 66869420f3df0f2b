module test.example/bravo

go 1.16

require (
	github.com/acme/lima v0.4.1
	github.com/acme/romeo v0.3.2
)
