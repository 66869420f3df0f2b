module example.com/crlf // Deprecated: gone

go 1.21

require (
	example.com/a v1.0.0 //indirect
	// before b
	example.com/b v1.0.0 // indirect; comment
)
retract [v0.1.0,v0.2.0] // bad release
