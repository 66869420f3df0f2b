module test.example/net

go 1.13

require (
	example.com/xray/v4 v4.0.2
	example.com/xray/v4 v4.0.2
)
