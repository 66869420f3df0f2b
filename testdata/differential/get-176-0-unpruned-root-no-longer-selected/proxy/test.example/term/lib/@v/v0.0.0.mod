module test.example/term/lib

go 1.16

require (
	test.example/term/lima v1.0.3
	example.com/sql v1.4.0
)
