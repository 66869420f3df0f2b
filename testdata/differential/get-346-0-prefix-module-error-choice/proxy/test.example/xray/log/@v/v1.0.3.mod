module test.example/xray/log

go 1.20

require (
	test.example/core v1.4.0
	example.org/text v1.2.1
)
