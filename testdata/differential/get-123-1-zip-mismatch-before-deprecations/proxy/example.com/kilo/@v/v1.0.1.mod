module example.com/kilo

go 1.21

require (
	example.com/core v1.0.3
	go.example.net/lib v2.3.3+incompatible
	example.org/papa v1.1.1
)
