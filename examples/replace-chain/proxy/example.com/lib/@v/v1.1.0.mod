module example.com/lib

go 1.21

require (
	example.com/a v1.0.0
)

replace example.com/a => example.com/c v1.0.0
