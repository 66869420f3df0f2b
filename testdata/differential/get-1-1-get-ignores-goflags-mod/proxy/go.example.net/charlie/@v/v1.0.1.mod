module go.example.net/charlie

go 1.13

require (
	example.org/foxtrot/alpha v1.4.2
)
