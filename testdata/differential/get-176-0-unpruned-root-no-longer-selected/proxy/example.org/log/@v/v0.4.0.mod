module example.org/log

go 1.25.0

require (
	golang.org/x/november/core v4.1.2+incompatible
)
