module go.example.net/lib

go 1.14

require (
	example.org/bravo v1.2.0
)
