module golang.org/x/tango

go 1.16

require (
	github.com/Zeta/delta v1.1.0
	github.com/acme/papa/november v1.3.2
	github.com/Zeta/yaml v1.1.3
)
