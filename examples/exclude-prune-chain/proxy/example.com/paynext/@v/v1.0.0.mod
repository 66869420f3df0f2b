module example.com/pay

go 1.21

require (
	example.com/img v1.1.0
	example.com/log v1.2.0
)
