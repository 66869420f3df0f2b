module example.com/zulu

go 1.17

require (
	go.example.net/net/term v0.0.2
)
