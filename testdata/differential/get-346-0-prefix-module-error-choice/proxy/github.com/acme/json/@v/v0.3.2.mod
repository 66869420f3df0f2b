module github.com/acme/json

go 1.21

require (
	test.example/core v2.4.2+incompatible
	github.com/acme/papa/net v0.0.3
)
