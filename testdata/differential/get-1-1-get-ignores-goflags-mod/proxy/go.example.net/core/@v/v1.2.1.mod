module go.example.net/core

require (
	github.com/Zeta/yaml v1.1.1
	github.com/Zeta/yaml v1.0.1
)
