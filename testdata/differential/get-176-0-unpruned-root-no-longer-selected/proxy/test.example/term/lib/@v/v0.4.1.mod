module test.example/term/lib

go 1.23.4

require (
	example.org/oscar/romeo v1.4.2
	example.com/json/lima v1.2.3
)
