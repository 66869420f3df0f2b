module github.com/acme/papa/net

go 1.23

require (
	github.com/Zeta/alpha/echo v4.1.0+incompatible
)
