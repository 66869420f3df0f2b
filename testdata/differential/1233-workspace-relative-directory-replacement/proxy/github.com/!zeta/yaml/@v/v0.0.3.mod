module github.com/Zeta/yaml

go 1.23

require (
	github.com/acme/util v1.4.1
)
