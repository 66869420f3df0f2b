module go.example.net/core

go 1.16

require (
	github.com/Zeta/yaml v1.1.1
)
