module example.com/ws3

go 1.21

require (
	example.com/tExt v0.1.1
)
