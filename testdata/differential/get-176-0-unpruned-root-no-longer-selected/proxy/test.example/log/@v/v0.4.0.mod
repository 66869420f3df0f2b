module test.example/log

go 1.24.2

require (
	test.example/term/lima v1.0.3
	example.org/tango/zulu v0.0.1
)
