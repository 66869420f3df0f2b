module example.com/juliet/uniform

go 1.14

require (
	github.com/Zeta/alpha/echo v1.2.1
	github.com/acme/json v0.2.3
	github.com/acme/papa/net v0.0.3
	github.com/acme/json v0.2.3
	github.com/acme/tango v1.0.3
)
