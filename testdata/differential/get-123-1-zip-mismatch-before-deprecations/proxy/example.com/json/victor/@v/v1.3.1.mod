module example.com/json/victor

go 1.23.4

require (
	github.com/Zeta/json v1.0.2
	gopkg.in/json.v1 v1.4.1-dev
)
