module example.org/alpha/term

go 1.14

require (
	golang.org/x/log v0.4.1-0.20230114021422-ae352aeabaae
)
