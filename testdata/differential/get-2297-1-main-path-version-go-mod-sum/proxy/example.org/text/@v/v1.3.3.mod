module example.org/text

go 1.18

require (
	go.example.net/yaml/victor v1.4.2
	github.com/Zeta/core/yaml v0.3.1
)
