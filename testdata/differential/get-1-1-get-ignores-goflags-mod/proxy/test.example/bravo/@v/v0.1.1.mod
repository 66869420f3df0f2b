module test.example/bravo

go 1.21

require (
	github.com/acme/lima v0.4.1
)
