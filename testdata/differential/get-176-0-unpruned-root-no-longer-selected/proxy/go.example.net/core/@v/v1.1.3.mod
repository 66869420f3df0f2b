module go.example.net/core

go 1.18

require (
	test.example/term/lib v0.1.2
	golang.org/x/log v0.4.1-0.20230114021422-ae352aeabaae
)
