module github.com/Zeta/sierra/november

go 1.19

require (
	github.com/Zeta/mike v1.3.2
	github.com/Zeta/mike v1.2.1
)
