module test.example/yaml

go 1.21rc1

require (
	go.example.net/term/Lib v1.1.2
	example.org/sql/sync v1.1.2
	go.example.net/term/lib v1.0.1
)
