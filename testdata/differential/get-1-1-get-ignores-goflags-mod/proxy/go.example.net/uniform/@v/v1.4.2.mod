module go.example.net/uniform

go 1.23

require (
	test.example/bravo v0.4.2
	test.example/bravo v0.3.0
)
