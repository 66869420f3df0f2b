module go.example.net/november/oscar

go 1.24.2

require (
	golang.org/x/sql v1.3.0
	go.example.net/india v0.4.2
)
