module github.com/Zeta/util

go 1.21

require (
	go.example.net/term/charlie v2.1.2+incompatible
	go.example.net/term/charlie v0.2.0
)
