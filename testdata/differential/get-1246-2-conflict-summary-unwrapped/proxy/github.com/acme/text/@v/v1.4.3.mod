module github.com/acme/text

go 1.20

require (
	go.example.net/yankee v0.1.3
	go.example.net/errors v1.4.1
)
