module test.example/lib/bravo

go 1.16

require (
	go.example.net/india v0.0.0
	test.example/sys v1.0.0-20220516160231-534b03fdf9e2
	example.org/alpha v0.0.2
	example.org/kilo/oscar v1.0.2
	github.com/acme/errors/json v0.4.1
)
