module go.example.net/november/oscar

require (
	example.org/alpha v0.0.2
	test.example/log v1.2.3
)
