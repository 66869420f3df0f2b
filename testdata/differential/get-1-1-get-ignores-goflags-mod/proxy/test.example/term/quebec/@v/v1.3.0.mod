module test.example/term/quebec

go 1.21.0

require (
	go.example.net/charlie v1.0.1
	github.com/Zeta/zulu/quebec v1.4.1
	github.com/acme/papa/november v1.3.2
)
