module example.org/text

go 1.23

require (
	test.example/xray/log v1.0.3
	example.org/xray v1.2.2
)
