module golang.org/x/log

go 1.25

require (
	golang.org/x/november/core v4.1.2+incompatible
)
