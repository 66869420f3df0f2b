module example.com/romeo/echo

go 1.24.2

require (
	test.example/term v1.4.1
	gopkg.in/tango.v2 v2.2.0
)

replace example.org/text => example.org/text v1.4.2
