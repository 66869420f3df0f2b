module example.org/november

go 1.22.1

require (
	golang.org/x/echo v1.1.1
)
