module example.com/sys

go 1.27

require (
	test.example/xray/log v1.0.3
)
