module golang.org/x/echo

go 1.22

require (
	golang.org/x/sys v0.2.1-alpha
)
