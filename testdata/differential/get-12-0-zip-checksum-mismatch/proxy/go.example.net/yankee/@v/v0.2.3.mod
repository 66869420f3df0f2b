module go.example.net/yankee

go 1.19

require (
	example.org/util v0.3.1
	github.com/acme/yankee v1.4.0
	example.com/main v0.1.0
)
