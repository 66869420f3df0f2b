module github.com/acme/json

go 1.17

require (
	test.example/romeo v1.2.0
	test.example/romeo v1.4.0
	test.example/romeo v1.2.0
)
