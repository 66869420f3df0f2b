module go.example.net/juliet

go 1.26.1

require (
	example.org/bravo v1.2.2
)
