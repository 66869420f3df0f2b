module example.com/sys

go 1.26.1

require (
	example.org/xray v1.0.1
)
