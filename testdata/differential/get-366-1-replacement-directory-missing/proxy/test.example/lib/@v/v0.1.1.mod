module test.example/lib

go 1.21

require (
	example.org/victor/sql v1.2.3-alpha.0.20180315031313-57b7b3918b20
	go.example.net/quebec v1.1.3
	github.com/acme/net/net v1.0.0
	test.example/json v0.2.1
)
