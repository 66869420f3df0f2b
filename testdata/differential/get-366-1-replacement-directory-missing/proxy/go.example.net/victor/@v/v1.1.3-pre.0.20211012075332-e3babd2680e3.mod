module go.example.net/victor

go 1.25.0

require (
	golang.org/x/sierra/tango v1.1.2
	example.org/errors/core v1.1.0-alpha.0.20200217160111-1fc62ed7de5f
)
