module go.example.net/net/term

go 1.18

require (
	go.example.net/yaml/victor v1.0.1
	example.org/bravo v1.2.2
)
