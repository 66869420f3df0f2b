module test.example/util

go 1.11

require (
	example.org/uniform/foxtrot v0.1.3
)
