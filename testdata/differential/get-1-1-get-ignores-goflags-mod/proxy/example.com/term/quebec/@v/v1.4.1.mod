module example.com/term/quebec

go 1.24.2

require (
	go.example.net/core v1.3.3
)
