module github.com/Zeta/kilo

go 1.21rc1

require (
	example.org/log/kilo v1.0.0
	example.com/lima v4.3.2+incompatible
)
