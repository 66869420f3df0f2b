module example.com/util

go 1.21

require (
	example.com/deep v1.0.0
)
