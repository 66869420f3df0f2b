module github.com/acme/text

require (
	test.example/oscar/sync v0.1.1
	go.example.net/yankee v0.2.3
)
