module golang.org/x/sys/Kilo

go 1.24.2

require (
	example.com/papa v1.9.9
)
