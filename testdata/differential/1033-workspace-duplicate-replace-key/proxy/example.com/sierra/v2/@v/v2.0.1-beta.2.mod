module example.com/sierra/v2

go 1.21

require (
	go.example.net/whiskey v1.3.1
	gopkg.in/november.v1 v1.2.1
)
