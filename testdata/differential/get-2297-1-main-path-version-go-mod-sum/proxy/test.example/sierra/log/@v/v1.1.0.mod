module test.example/sierra/log

require (
	example.com/oscar/sql v0.0.2
	go.example.net/net/term v0.0.2
)
