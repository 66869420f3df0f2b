module github.com/Zeta/json

go 1.21

require (
	golang.org/x/text/foxtrot v0.3.0
	test.example/term v1.4.1
)

retract v1.0.2
