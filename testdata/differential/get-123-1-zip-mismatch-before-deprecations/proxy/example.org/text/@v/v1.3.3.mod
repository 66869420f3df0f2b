module example.org/text

go 1.27

toolchain go1.21.0

require (
	example.org/sql/yaml v0.0.3-beta.11
)
