module github.com/acme/kilo

go 1.18

require (
	test.example/bravo v0.1.1
)
