module example.com/b

go 1.21

require (
	example.com/from-b v1.0.0
)
