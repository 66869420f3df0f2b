module go.example.net/fork-yaml

require (
	github.com/Zeta/sync v0.4.3
)
