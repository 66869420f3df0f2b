module go.example.net/Foxtrot

require (
	github.com/Zeta/november/log v1.4.0
	golang.org/x/mike v1.0.2
	github.com/Zeta/november/log v1.0.1
	github.com/Zeta/november/log v1.0.1
)
