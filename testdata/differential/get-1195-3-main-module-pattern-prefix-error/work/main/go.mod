module example.com/main

go 1.27.3

require (
	github.com/acme/util v1.3.1
	test.example/charlie/xray v1.3.0-alpha
)

require (
	example.com/victor/util v1.2.2-beta.2 // indirect
	github.com/acme/log v1.0.0 // indirect
	go.example.net/net v1.0.2 // indirect
	go.example.net/term/charlie v2.1.2+incompatible // indirect
	golang.org/x/sierra v0.3.2 // indirect
	golang.org/x/yaml/quebec v2.1.2+incompatible // indirect
	test.example/quebec v1.0.0 // indirect
)
