module example.com/main

go 1.21

require (
	example.com/a v1.0.0
	example.com/inc v1.0.0
	example.com/legacy v1.0.0
	example.com/ghost v1.0.0
)

replace example.com/a v1.5.0 => example.com/inc v1.0.0

replace example.com/ghost => ../local

replace example.com/legacy v1.0.0 => example.com/a v1.1.0

exclude example.com/a v1.2.1
