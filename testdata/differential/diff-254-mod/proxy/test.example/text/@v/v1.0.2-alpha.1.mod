module test.example/text

require (
	github.com/acme/sierra v1.1.3
	example.org/json v1.3.0
	example.org/json v1.3.0
)
