module example.com/sys

go 1.18

require (
	golang.org/x/kilo v1.1.3
	test.example/sierra v0.0.0-20211115130644-5e6704e59c2c
	example.org/lima/lima v0.2.2
	test.example/sierra v0.0.0-20211115130644-5e6704e59c2c
)
