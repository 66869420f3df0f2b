module test.example/whiskey

go 1.11

require (
	golang.org/x/sys v0.2.1-alpha
)
