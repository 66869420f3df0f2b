module example.com/victor

go 1.23.4

require (
	golang.org/x/juliet/taNgo v1.1.3
	github.com/acme/yankee v1.0.4-0.20240612021412-2ae1988c46b8
)
