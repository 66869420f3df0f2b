module github.com/Zeta/sierra/november

go 1.20

require (
	golang.org/x/tango v1.4.0
)
