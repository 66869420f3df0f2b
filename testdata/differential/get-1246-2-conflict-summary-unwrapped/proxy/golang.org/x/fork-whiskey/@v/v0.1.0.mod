module github.com/acme/text

go 1.21

require (
	go.example.net/yankee v0.3.2
)
