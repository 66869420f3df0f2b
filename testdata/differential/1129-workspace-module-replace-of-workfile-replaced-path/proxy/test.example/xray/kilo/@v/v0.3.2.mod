module test.example/xray/kilo

require (
	go.example.net/term/Lib v1.1.2
)
