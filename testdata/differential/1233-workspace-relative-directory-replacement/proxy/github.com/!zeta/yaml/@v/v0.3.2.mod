module github.com/Zeta/yaml

go 1.23.4

require (
	github.com/Zeta/oscar/xRay v1.1.2
)
