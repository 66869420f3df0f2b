module test.example/unifOrm

go 1.16

require (
	github.com/Zeta/yaml v0.0.3
)
