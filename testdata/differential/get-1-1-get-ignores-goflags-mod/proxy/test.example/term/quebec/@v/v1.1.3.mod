module test.example/term/quebec

go 1.21

require (
	go.example.net/charlie v1.1.2
)
