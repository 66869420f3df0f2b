module example.com/main

go 1.16

require (
	example.com/victor/util v1.1.0-alpha
)
