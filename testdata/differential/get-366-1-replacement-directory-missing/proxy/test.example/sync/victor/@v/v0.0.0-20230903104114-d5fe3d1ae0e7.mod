module test.example/sync/victor

go 1.21.0

require (
	example.org/kilo v0.4.2
)
