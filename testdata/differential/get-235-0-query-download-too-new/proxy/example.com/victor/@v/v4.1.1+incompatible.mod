module example.com/victor

go 1.17

require (
	golang.org/x/juliet/taNgo v4.3.2+incompatible
)
