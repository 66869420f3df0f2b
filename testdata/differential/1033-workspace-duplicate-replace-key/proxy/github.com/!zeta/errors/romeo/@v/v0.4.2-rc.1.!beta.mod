module github.com/Zeta/errors/romeo

go 1.24.2

require (
	github.com/Zeta/kilo/sql v1.0.0
	go.example.net/whiskey v1.3.1
	gopkg.in/november.v1 v1.2.1
	github.com/Zeta/kilo/sql v1.1.0
	gopkg.in/sierra.v3 v3.0.0-20200911120507-356bf7ddeb8e
)
