module example.org/errors/core

go 1.13

require (
	example.com/mike v0.0.2
)
