module example.org/text

go 1.18

require (
	example.org/bravo v1.2.2
	example.org/bravo v1.2.2
	example.org/bravo v1.2.2
)
