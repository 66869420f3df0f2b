module github.com/Zeta/yaml

go 1.23.4

require (
	example.com/sync/whiskey v1.1.1
)
