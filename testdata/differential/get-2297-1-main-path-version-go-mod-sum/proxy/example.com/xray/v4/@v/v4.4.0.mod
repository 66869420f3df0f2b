module example.com/xray/v4

go 1.16

require (
	example.org/bravo v1.2.2
	example.org/bravo v1.2.2
)
