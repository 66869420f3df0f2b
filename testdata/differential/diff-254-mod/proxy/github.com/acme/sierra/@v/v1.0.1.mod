module github.com/acme/sierra

go 1.25.0

require (
	go.example.net/victor/lib v1.1.0
	go.example.net/victor/lib v1.1.0
)
