module test.example/sync/victor

go 1.23

require (
	example.org/errors/core v1.0.0
)
