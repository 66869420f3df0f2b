module test.example/sierra/log

require (
	go.example.net/juliet v0.0.0
	test.example/net v1.3.0
)
