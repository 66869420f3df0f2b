module go.example.net/delta

require (
	go.example.net/quebec/lima v0.1.1
	github.com/acme/alpha v1.4.3
)
