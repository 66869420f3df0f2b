module go.example.net/yankee

go 1.18

require (
	example.org/util v0.3.1
	example.org/util v0.3.1
)
