module example.com/main

go 1.23.4

require (
	github.com/Zeta/golf/victor v1.2.3
	github.com/acme/tango/text/v4 v4.1.2
	go.example.net/errors/juliet v1.3.1-beta.11
	go.example.net/foxtrot v1.0.3
	go.example.net/sql/echo/v4 v4.0.2
	golang.org/x/crypto v1.4.1
	golang.org/x/lib v0.4.1
	golang.org/x/net v0.3.2
	golang.org/x/tango/echo v1.0.1
)
