module example.com/main

require (
	go.example.net/yaml/victor v1.4.2
)
