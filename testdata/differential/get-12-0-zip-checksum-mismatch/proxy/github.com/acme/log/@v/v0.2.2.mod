module github.com/acme/log

go 1.24.2

require (
	test.example/json v1.1.1
)
