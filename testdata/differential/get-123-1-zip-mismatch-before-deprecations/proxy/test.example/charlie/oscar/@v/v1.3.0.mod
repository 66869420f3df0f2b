module test.example/charlie/oscar

go 1.17

require (
	test.example/kilo/text v1.4.0
)
