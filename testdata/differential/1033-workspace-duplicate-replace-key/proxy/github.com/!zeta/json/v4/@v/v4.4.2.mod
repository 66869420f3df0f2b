module github.com/Zeta/json/v4

go 1.22

require (
	github.com/Zeta/kilo/sql v1.0.0
	gopkg.in/november.v1 v1.2.1
	gopkg.in/sierra.v3 v3.0.0-20200911120507-356bf7ddeb8e
)
