module example.org/tExt

go 1.23

require (
	example.org/echO v0.1.1
	example.org/echO v0.1.1
)
