module test.example/term/quebec

go 1.22

require (
	go.example.net/core v1.4.3
	go.example.net/core v1.4.3
	go.example.net/core v1.2.3
	example.org/foxtrot/alpha v1.4.2
)
