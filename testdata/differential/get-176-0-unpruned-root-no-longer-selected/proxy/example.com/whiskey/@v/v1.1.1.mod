module example.com/whiskey

go 1.27.3

require (
	example.org/oscar/romeo v1.4.2
	golang.org/x/core/foxtrot v0.0.2
)
