module example.com/a

go 1.21

require (
	example.com/from-a v1.0.0
)
