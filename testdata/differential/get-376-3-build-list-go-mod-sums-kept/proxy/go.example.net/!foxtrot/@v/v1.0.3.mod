module go.example.net/Foxtrot

go 1.21

require (
	golang.org/x/mike v1.0.2
	golang.org/x/mike v1.0.2
)
