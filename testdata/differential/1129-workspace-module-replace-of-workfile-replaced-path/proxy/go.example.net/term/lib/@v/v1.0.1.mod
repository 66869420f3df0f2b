module go.example.net/term/lib

go 1.22

require (
	go.example.net/term/Lib v1.3.1
	test.example/xray/kilo v0.3.2
)
