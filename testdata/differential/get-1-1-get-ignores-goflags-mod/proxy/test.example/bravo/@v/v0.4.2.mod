module test.example/bravo

go 1.22

require (
	github.com/acme/lima v0.4.1
	github.com/acme/lima v0.2.2
	go.example.net/charlie v1.0.1
)
