module github.com/Zeta/kilo

go 1.16

require (
	example.org/log/kilo v1.0.0
)
