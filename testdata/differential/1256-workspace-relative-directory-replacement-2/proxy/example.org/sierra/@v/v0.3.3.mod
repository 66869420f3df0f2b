module example.org/sierra

go 1.22.1

require (
	go.example.net/oscar/term v1.0.1
)

unknown directive here
