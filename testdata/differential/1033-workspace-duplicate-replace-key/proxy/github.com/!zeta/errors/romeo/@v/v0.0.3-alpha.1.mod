module github.com/Zeta/errors/romeo

go 1.17

require (
	go.example.net/whiskey v1.1.1-rc.1.Beta
)
