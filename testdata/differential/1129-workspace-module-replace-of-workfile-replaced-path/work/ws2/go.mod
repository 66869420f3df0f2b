module example.com/ws2

go 1.22

require (
	go.example.net/term/lib v1.0.1
	test.example/yaml v1.3.3
)
