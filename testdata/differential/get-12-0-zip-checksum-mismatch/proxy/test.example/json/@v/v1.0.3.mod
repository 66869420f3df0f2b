module test.example/json

go 1.17

require (
	example.org/util v0.3.1
	github.com/Zeta/tango v0.1.1
	github.com/Zeta/tango v0.2.2
)
