module go.example.net/core

go 1.25.0

require (
	example.org/term/quebec v1.0.2
	example.com/romeo/log v1.1.1
	github.com/acme/sierra/yankee v2.0.1+incompatible
)
