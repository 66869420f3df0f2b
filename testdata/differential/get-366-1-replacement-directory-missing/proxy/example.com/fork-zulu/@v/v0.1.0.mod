module example.com/fork-zulu

go 1.22

require (
	golang.org/x/foxtrot/kilo v1.1.3
)
