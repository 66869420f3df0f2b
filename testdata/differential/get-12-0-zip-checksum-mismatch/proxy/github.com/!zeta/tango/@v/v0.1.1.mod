module github.com/Zeta/tango

go 1.21.0

require (
	github.com/acme/yankee v2.2.1+incompatible
)
