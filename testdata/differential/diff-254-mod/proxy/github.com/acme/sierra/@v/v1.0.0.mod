module github.com/acme/sierra

go 1.21

require (
	go.example.net/india v0.2.0
)
