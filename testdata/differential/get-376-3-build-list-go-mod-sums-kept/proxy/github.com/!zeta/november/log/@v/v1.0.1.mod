module github.com/Zeta/november/log

require (
	golang.org/x/mike v1.2.0
)
