module example.com/zulu

go 1.16

require (
	go.example.net/yaml/victor v1.0.1
	test.example/net v1.3.0
)
