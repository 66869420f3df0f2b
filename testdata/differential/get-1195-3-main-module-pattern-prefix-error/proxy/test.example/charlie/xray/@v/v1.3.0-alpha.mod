module test.example/charlie/xray

go 1.21.0

toolchain go1.22.3

require (
	golang.org/x/yaml/quebec v2.1.2+incompatible
)
