module github.com/Zeta/alpha/echo

go 1.16

require (
	test.example/romeo v1.2.0
)
