module test.example/november/term

require (
	go.example.net/victor/lib v1.4.3
)
