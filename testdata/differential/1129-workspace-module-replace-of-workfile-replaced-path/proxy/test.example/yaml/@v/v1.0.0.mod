module test.example/yaml

go 1.16

require (
	example.org/sql/sync v1.1.2
	example.org/sql/sync v1.1.2
	example.org/sql/sync v1.1.2
)
