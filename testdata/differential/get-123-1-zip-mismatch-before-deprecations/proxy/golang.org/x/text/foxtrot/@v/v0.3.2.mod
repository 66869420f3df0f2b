module golang.org/x/text/foxtrot

go 1.13

require (
	example.com/oscar v1.4.3
)

retract (
	// Broken.
	v0.3.0
)
