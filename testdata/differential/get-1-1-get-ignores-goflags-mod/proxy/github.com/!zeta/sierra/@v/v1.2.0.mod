module github.com/Zeta/sierra

go 1.18

require (
	example.org/yaml/sql v1.1.0
	test.example/term/quebec v1.3.0
)
