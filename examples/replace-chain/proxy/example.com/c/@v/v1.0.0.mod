module example.com/c

go 1.21

require (
	example.com/from-c v1.0.0
)
