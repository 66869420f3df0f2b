module example.com/yaml

go 1.23.4

require (
	example.com/tExt v0.0.0-20180816153233-bba4187bbe97
)
