module test.example/sys

go 1.17

require (
	example.org/alpha v0.0.2
	test.example/log v1.3.2
	go.example.net/india v0.0.0
)
