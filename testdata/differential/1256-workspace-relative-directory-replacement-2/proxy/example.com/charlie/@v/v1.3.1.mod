module example.com/charlie

go 1.20

require (
	go.example.net/oscar/term v1.2.0
)
