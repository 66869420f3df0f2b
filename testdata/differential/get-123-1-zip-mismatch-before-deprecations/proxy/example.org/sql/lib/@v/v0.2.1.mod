module example.org/sql/lib

go 1.23

toolchain go1.27.3

require (
	example.org/papa v1.1.1
)

exclude test.example/juliet/papa v1.1.0
