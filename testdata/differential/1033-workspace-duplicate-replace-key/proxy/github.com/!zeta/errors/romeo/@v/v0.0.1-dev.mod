module github.com/Zeta/errors/romeo

go 1.20

require (
	go.example.net/whiskey v1.3.1
	example.com/charlie v1.1.0
)
