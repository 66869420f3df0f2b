module example.com/yaml

go 1.16

require (
	example.com/sync/whiskey v1.2.1
)
