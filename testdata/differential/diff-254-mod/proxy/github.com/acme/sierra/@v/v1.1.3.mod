module github.com/acme/sierra

go 1.16

require (
	go.example.net/india v0.2.0
	go.example.net/india v0.2.0
)
