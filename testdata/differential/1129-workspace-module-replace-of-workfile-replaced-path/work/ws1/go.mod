module example.com/ws1

go 1.22.1

require (
	test.example/yaml v1.0.0
	go.example.net/term/lib v1.0.1
)
