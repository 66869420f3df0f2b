module go.example.net/charlie

go 1.17

require (
	golang.org/x/crypto v1.2.0
	github.com/acme/delta v1.3.0
)
