module test.example/json

go 1.16

require (
	go.example.net/yankee v4.0.0+incompatible
	go.example.net/yankee v0.0.3
)
