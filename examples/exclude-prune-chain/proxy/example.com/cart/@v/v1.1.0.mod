module example.com/cart

go 1.21

require (
	example.com/log v1.4.0
	example.com/util v1.0.0
)
