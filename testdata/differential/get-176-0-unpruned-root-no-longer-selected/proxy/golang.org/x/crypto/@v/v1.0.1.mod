module golang.org/x/crypto

go 1.21

require (
	example.org/tango v1.0.2
	go.example.net/core v1.0.3
)
