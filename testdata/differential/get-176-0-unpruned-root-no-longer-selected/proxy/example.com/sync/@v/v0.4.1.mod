module example.com/sync

go 1.14

require (
	golang.org/x/log v0.3.2
)
