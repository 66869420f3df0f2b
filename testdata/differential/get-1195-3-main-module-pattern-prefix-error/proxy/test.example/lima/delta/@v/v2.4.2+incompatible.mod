module test.example/lima/delta

go 1.11

require (
	example.com/victor/util v1.2.2-beta.2
	github.com/Zeta/util v1.3.1
	go.example.net/term/charlie v2.1.0+incompatible
	go.example.net/net v1.0.2
)
