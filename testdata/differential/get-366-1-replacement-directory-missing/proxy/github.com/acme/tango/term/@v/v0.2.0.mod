module github.com/acme/tango/term

go 1.25.0

require (
	golang.org/x/whiskey/hotel v0.2.0
	golang.org/x/foxtrot/kilo v1.1.3
)
