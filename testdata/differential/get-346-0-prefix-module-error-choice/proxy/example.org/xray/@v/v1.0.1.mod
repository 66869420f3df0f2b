module example.org/xray

go 1.17

require (
	example.org/text v2.0.0+incompatible
	example.com/juliet/uniform v0.3.2
	example.com/juliet/uniform v0.3.2
	test.example/romeo v1.2.0
)
