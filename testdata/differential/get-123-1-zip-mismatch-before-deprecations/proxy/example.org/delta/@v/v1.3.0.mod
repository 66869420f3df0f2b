module example.org/delta

go 1.23.4

require (
	example.org/sys v1.3.2
	example.com/json/victor v1.1.3
	test.example/kilo/text v1.4.0
)
