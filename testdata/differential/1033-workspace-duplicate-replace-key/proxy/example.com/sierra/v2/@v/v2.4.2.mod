module example.com/sierra/v2

go 1.16

require (
	github.com/Zeta/json/v4 v4.4.2
	go.example.net/whiskey v1.3.1
	github.com/Zeta/json/v4 v4.4.2
	github.com/Zeta/errors/romeo v0.4.2-rc.1.Beta
)
