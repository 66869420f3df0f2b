module github.com/Zeta/kilo/sql

require (
	github.com/acme/util v1.1.2-beta.2
)
