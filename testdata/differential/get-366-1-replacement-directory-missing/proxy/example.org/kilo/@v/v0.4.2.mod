module example.org/kilo

go 1.22

require (
	example.org/echO v0.1.1
	example.org/tExt v1.2.0
)
