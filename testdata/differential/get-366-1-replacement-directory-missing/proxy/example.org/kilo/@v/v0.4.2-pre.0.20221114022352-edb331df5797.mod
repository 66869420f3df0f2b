module example.org/kilo

go 1.13

require (
	example.org/echO v0.1.1
	example.org/echO v0.1.1
)
