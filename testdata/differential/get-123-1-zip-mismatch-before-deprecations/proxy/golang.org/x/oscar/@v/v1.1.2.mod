module golang.org/x/oscar

go 1.23

require (
	go.example.net/lib v0.4.3
)
