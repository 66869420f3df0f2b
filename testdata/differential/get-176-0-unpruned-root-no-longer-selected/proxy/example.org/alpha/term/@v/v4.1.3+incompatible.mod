module example.org/alpha/term

go 1.27

require (
	example.org/lima/lima v0.2.2
	example.com/zulu v4.1.2+incompatible
)
