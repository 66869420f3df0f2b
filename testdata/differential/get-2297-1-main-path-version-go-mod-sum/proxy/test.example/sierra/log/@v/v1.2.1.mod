module test.example/sierra/log

go 1.21

require (
	example.com/oscar/sql v0.0.2
	go.example.net/juliet v0.0.0
)
