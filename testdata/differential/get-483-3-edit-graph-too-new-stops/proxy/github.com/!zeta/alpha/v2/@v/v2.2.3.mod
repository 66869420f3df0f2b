module github.com/Zeta/alpha/v2

go 1.22

require (
	example.org/papa v0.4.2
)

unknown directive here
