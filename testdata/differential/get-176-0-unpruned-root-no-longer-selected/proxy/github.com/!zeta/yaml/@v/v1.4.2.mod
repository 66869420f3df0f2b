module github.com/Zeta/yaml

go 1.23

require (
	test.example/golf v3.2.1+incompatible
)
