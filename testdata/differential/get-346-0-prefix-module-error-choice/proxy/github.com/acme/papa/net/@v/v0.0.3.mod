module github.com/acme/papa/net

go 1.22

require (
	github.com/Zeta/alpha/echo v1.2.1
)
