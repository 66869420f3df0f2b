module example.org/bravo

go 1.23

require (
	github.com/Zeta/core/yaml v0.1.2
	go.example.net/yaml/victor v1.1.0
)
