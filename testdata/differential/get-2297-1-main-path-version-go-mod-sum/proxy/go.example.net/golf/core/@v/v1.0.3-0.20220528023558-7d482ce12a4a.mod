module go.example.net/golf/core

go 1.20

require (
	test.example/net v1.3.2
	go.example.net/juliet v0.0.3
)
