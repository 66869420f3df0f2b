module go.example.net/november/oscar

require (
	golang.org/x/sql v1.3.0
	example.org/kilo/oscar v1.0.2
	go.example.net/india v0.0.0
)
