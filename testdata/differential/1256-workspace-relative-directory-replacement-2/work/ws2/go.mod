module example.com/ws2

go 1.27.3

require (
	example.org/sierra v0.0.0
	go.example.net/oscar/term v1.2.0
	github.com/Zeta/sync v0.4.3
)
