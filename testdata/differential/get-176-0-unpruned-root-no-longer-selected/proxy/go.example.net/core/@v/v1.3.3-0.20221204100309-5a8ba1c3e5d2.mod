module go.example.net/core

go 1.18

require (
	test.example/term/lib v0.0.0
)
