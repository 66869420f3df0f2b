module go.example.net/uniform

go 1.19

require (
	test.example/bravo v0.4.2
	github.com/acme/kilo v0.0.1
)
