module go.example.net/Foxtrot

go 1.21.0

require (
	golang.org/x/mike v1.0.2
	github.com/Zeta/november/log v1.0.1
	golang.org/x/mike v1.2.0
)
