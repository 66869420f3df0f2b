module example.com/oscar/sql

go 1.16

require (
	test.example/net v1.3.2
	test.example/net v1.3.0
	go.example.net/juliet v0.2.3
	example.com/main v1.5.0
)
