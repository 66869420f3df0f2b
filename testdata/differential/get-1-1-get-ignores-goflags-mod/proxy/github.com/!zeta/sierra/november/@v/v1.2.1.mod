module github.com/Zeta/sierra/november

go 1.22

require (
	github.com/acme/papa/november v1.3.2
	github.com/acme/papa/november v1.3.2
)
