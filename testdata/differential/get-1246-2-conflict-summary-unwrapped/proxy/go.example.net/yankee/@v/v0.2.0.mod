module go.example.net/yankee

go 1.11

require (
	test.example/oscar/sync v0.3.1
)
