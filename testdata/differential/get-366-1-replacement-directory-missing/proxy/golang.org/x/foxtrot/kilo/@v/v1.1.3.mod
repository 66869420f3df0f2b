module golang.org/x/foxtrot/kilo

go 1.22.1

require (
	example.org/errors v1.1.1
	example.com/mike v0.0.2
)
