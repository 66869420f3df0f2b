module github.com/acme/json

go 1.13

require (
	github.com/Zeta/alpha/echo v1.2.1
	github.com/Zeta/alpha/echo v1.2.1
)
