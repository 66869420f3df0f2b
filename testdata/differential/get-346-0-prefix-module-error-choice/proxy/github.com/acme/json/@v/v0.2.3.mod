module github.com/acme/json

go 1.21.0

require (
	github.com/acme/papa/net v0.3.1
	test.example/xray/log v1.0.3
	example.org/text v1.2.1
)
