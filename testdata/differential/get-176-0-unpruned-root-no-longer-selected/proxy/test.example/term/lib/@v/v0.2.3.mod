module test.example/term/lib

go 1.18

require (
	example.com/json/lima v1.2.3
	golang.org/x/log v0.3.2
	golang.org/x/log v0.4.1-0.20230114021422-ae352aeabaae
)
