module test.example/util

go 1.22

require (
	go.example.net/yankee v0.3.2
)
