module example.org/term/quebec

go 1.16

require (
	test.example/term/lib v0.4.1
)
