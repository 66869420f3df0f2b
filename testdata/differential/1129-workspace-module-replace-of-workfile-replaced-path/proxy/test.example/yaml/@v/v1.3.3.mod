module test.example/yaml

go 1.17

require (
	example.org/sql/sync v1.4.0
	example.org/sql/sync v1.1.2
	example.org/sql/sync v1.4.0
)
