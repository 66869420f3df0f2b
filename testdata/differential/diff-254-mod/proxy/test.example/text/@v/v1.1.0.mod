module test.example/text

go 1.16

require (
	test.example/november/term v1.1.0
	github.com/acme/sierra v1.2.3-RC1
)
