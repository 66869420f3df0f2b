module example.com/ws3

go 1.23.4

require (
	go.example.net/whiskey v1.3.1
)
