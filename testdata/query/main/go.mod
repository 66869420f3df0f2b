module example.com/main

go 1.21

require (
	example.com/a v1.0.0
	example.com/inc v1.0.0
	example.com/legacy v1.0.0
)

exclude example.com/a v1.2.0
