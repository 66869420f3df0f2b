module golang.org/x/sync/victor

go 1.20

require (
	golang.org/x/tango v0.0.2
)
