module example.com/ws1

go 1.21

require (
	go.example.net/term/Lib v1.1.2
)
