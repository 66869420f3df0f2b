module go.example.net/november/oscar

go 1.21.0

require (
	example.org/alpha v0.0.2
	test.example/log v1.2.0
	golang.org/x/sql v1.3.0
)
