module go.example.net/util

go 1.21.0

require (
	github.com/Zeta/sync v0.4.3
	github.com/Zeta/sync v0.4.3
)
