module go.example.net/yankee

require (
	test.example/oscar/sync v0.1.1
)
