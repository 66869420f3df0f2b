module example.org/yaml/sql

go 1.21.0

require (
	github.com/Zeta/delta v1.1.3
	example.com/kilo v1.1.3
)
