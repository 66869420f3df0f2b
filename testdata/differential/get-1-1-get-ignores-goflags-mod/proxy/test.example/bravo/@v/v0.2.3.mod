module test.example/bravo

go 1.23

require (
	github.com/acme/lima v0.2.2
	github.com/acme/lima v0.4.1
	github.com/acme/lima v0.2.2
)
