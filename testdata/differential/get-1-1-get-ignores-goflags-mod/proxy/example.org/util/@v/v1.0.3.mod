module example.org/util

go 1.23.4

require (
	github.com/acme/lima v0.4.1
	github.com/Zeta/sierra/november v1.4.1
)
