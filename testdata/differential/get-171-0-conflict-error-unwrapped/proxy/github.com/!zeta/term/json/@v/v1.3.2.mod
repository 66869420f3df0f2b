module github.com/Zeta/term/json

go 1.21.0

require (
	golang.org/x/tango/sub v1.1.1
)
