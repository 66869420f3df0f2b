module github.com/acme/delta

require (
	github.com/Zeta/yaml v1.2.2
)
