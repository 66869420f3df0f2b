module github.com/Zeta/yaml

go 1.24.2

require (
	github.com/acme/sync v1.3.0
)
