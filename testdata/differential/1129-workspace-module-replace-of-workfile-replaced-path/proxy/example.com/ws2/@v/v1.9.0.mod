module example.com/ws2

go 1.21

require (
	test.example/xray/kilo v0.3.2
)
