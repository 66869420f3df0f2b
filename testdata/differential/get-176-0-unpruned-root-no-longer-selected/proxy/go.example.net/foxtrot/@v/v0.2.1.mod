module go.example.net/foxtrot

go 1.21.0

require (
	example.com/core v1.0.2
)
