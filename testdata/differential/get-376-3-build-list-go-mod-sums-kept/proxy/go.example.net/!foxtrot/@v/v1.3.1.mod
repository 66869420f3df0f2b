module go.example.net/Foxtrot

go 1.21.0

require (
	golang.org/x/mike v1.2.0
	golang.org/x/mike v1.2.0
)
