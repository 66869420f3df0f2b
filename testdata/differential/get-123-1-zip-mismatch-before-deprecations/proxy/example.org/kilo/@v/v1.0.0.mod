module example.org/kilo

go 1.17

require (
	example.org/sql/yaml v0.0.3-beta.11
	golang.org/x/net v0.4.0
	example.org/sql/yaml v0.0.3-beta.11
)

exclude golang.org/x/oscar v1.1.2
