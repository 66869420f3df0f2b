module golang.org/x/xray

go 1.21.0

require (
	golang.org/x/kilo v1.4.2
	example.com/sync v0.4.2
)
