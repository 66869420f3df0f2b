module github.com/Zeta/whiskey

require (
	github.com/acme/alpha v1.4.2-beta.2
	example.com/core v1.2.1
)
