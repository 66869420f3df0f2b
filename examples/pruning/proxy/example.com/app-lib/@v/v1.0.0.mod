module example.com/app-lib

go 1.21

require (
	example.com/only-via-lib v1.0.0
	example.com/util v1.2.0
)
