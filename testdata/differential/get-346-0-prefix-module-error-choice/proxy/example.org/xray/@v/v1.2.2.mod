module example.org/xray

go 1.21

require (
	example.org/text v1.4.1
	example.com/juliet/uniform v0.3.2
)
