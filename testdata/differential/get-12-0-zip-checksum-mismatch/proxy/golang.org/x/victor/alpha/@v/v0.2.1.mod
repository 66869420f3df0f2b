module golang.org/x/victor/alpha

go 1.16

require (
	github.com/Zeta/tango v0.1.1
	example.org/util v0.3.1
)
