module example.com/sys

go 1.24.2

require (
	example.org/xray v1.2.2
)
