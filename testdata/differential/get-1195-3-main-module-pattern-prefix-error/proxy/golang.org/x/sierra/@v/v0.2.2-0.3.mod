module golang.org/x/sierra

require (
	go.example.net/term/charlie v2.1.0+incompatible
	go.example.net/term/charlie v0.2.3
	go.example.net/term/charlie v2.1.2+incompatible
)
