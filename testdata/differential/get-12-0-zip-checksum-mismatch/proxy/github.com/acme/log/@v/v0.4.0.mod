module github.com/acme/log

require (
	github.com/Zeta/tango v0.2.2
)
