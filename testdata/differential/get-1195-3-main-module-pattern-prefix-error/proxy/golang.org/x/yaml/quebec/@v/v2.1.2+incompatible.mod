module golang.org/x/yaml/quebec

go 1.18

require (
	test.example/quebec v1.0.0
)
