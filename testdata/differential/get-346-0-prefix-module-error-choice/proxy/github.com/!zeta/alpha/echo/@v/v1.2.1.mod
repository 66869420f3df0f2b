module github.com/Zeta/alpha/echo

go 1.25.0

require (
	test.example/romeo v1.4.0
	test.example/romeo v1.4.0
	github.com/acme/tango v1.0.3
)
