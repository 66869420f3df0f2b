module github.com/acme/papa/november

require (
	golang.org/x/alpha/delta v1.0.3
	github.com/acme/delta v1.2.1
	golang.org/x/alpha/delta v1.0.3
)
