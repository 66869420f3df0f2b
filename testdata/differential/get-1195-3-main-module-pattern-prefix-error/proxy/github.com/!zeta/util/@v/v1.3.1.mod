module github.com/Zeta/util

go 1.22.1

require (
	go.example.net/term/charlie v2.1.2+incompatible
	go.example.net/term/charlie v2.1.0+incompatible
	go.example.net/net v1.0.2
)
