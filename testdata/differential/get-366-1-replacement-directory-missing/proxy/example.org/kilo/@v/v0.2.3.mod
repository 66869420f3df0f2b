module example.org/kilo

go 1.21

require (
	example.org/echO v0.1.1
	example.org/echO v0.1.1
	example.org/echO v0.1.1
	example.com/crypto v1.2.2
)
