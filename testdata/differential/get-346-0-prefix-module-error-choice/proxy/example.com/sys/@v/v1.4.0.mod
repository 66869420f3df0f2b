module example.com/sys

go 1.25

require (
	example.com/juliet/uniform v0.3.2
	test.example/xray/log v1.0.3
)
