module example.org/alpha/term

go 1.22

require (
	example.org/lima/lima v0.2.2
	example.com/zulu v4.1.2+incompatible
)
