module test.example/kilo/india

go 1.21

require (
	test.example/charlie/oscar v1.3.0
)
