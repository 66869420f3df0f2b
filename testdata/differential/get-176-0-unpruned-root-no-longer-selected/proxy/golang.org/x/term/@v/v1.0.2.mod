module golang.org/x/term

require (
	example.org/foxtrot/victor v1.2.2
)
