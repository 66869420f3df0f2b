module example.com/app

go 1.22

require (
	example.com/app-lib v1.0.0
	example.com/legacy v1.0.0
	example.com/util v1.2.0
)
