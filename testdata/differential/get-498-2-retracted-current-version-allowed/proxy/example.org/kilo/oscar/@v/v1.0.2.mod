module example.org/kilo/oscar

go 1.21

require (
	example.com/sys v1.2.3
	golang.org/x/lib v1.0.0
)
