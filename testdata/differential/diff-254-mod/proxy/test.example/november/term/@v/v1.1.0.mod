module test.example/november/term

go 1.27.3

require (
	github.com/acme/alpha/papa v1.3.3
	github.com/Zeta/xray/quebec v0.1.2-beta.11
)
