module go.example.net/yaml/victor

go 1.22

require (
	github.com/Zeta/core/yaml v0.3.1
	github.com/Zeta/core/yaml v0.3.1
	github.com/Zeta/core/yaml v0.0.0-20230823012426-7c2adf230d1a
)
