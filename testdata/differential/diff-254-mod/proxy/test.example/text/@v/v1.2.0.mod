module test.example/text

go 1.21.0

require (
	test.example/november/term v1.0.0
	github.com/Zeta/xray/quebec v0.1.2-beta.11
)
