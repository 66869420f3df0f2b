module go.example.net/yaml/victor

go 1.23.4

require (
	github.com/Zeta/core/yaml v0.1.2
)
