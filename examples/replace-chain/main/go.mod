module example.com/app

go 1.22

require (
	example.com/a v1.0.0
	example.com/lib v1.1.0
)

replace example.com/a v1.0.0 => example.com/b v1.0.0

replace example.com/b => example.com/c v1.0.0
