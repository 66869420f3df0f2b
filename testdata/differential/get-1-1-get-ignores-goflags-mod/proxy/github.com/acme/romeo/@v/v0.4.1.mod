module github.com/acme/romeo

go 1.14

require (
	example.com/term/quebec v1.4.1
	github.com/Zeta/sierra/november v1.0.3
)
