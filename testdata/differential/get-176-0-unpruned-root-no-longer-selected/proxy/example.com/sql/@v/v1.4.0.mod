module example.com/sql

require (
	example.org/alpha/term v1.4.1-rc.1.0.20231216010655-d19a2013fe20
	github.com/Zeta/zulu/golf v2.3.1+incompatible
	example.org/tango/zulu v0.0.1
)
