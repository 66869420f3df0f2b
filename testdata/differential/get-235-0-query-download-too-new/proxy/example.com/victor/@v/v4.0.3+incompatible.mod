module example.com/victor

go 1.25

require (
	github.com/acme/yankee v1.0.4-0.20240612021412-2ae1988c46b8
	github.com/acme/yankee v1.0.4-0.20240612021412-2ae1988c46b8
)
