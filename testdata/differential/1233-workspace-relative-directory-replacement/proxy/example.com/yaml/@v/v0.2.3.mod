module example.com/yaml

require (
	test.example/unifOrm v1.2.0
	example.com/sync/whiskey v1.1.1
)
