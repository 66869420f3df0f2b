module golang.org/x/november/core

require (
	test.example/term/lima v1.0.3
	example.com/json/lima v1.1.0-pre.0.20200518041133-37b0e57a7773
)
