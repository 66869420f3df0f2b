module github.com/acme/tango/text/v4

go 1.16

require (
	go.example.net/errors/juliet v1.3.1-beta.11
	golang.org/x/net v0.3.2
)
