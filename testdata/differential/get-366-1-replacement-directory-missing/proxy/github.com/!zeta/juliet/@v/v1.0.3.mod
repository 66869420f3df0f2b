module github.com/Zeta/juliet

go 1.27

require (
	github.com/acme/net/net v1.0.0-20180127160354-55f0cde5c312
	example.org/errors v1.0.2-0.20241014005415-b1621337b35d
)
