module github.com/acme/util

go 1.27.3

require (
	test.example/quebec v1.0.0
	test.example/quebec v1.0.0
	github.com/acme/log v1.0.0
)
