module golang.org/x/sierra/tango

go 1.21

require (
	golang.org/x/foxtrot/kilo v1.4.3
)
