module test.example/romeo

go 1.13

require (
	go.example.net/whiskey v1.3.1
	github.com/Zeta/json/v4 v4.4.2
	go.example.net/whiskey v1.3.1
)
