module example.com/old-dep

go 1.21

require (
	example.com/old-deep v1.0.0
)
