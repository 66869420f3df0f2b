module go.example.net/golf/core

go 1.25.0

require (
	go.example.net/juliet v0.0.0
)
