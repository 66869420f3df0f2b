module example.org/lima/lima

go 1.18

require (
	example.com/zulu v4.1.2+incompatible
	golang.org/x/november/core v4.1.2+incompatible
)
