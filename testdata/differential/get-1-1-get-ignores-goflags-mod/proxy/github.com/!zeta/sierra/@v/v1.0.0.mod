module github.com/Zeta/sierra

go 1.21.0

require (
	github.com/Zeta/sierra/november v1.4.1
)
