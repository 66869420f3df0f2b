module github.com/acme/sieRra

go 1.22.1

require (
	golang.org/x/delTa v1.3.3
	github.com/Zeta/november/log v1.0.1
)
