module example.org/util

go 1.23

require (
	test.example/bravo v0.1.1
	go.example.net/uniform v1.4.2
)
