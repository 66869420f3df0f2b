module example.com/papa/november

go 1.22

toolchain go1.27.3

require (
	example.org/sql/yaml v0.0.3-beta.11
)
