module go.example.net/whiskey

go 1.27.3

require (
	golang.org/x/lib v1.0.0
	github.com/acme/errors/json v0.4.1
	github.com/acme/errors/json v0.1.0
)
