module go.example.net/yankee

go 1.22.1

require (
	github.com/Zeta/tango v0.1.1
	github.com/acme/yankee v1.1.1
)
