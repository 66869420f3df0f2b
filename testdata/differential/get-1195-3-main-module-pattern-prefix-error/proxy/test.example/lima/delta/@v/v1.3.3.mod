module test.example/lima/delta

require (
	example.com/victor/util v1.4.3
	example.com/victor/util v1.4.3
	github.com/acme/log v1.0.0
)
