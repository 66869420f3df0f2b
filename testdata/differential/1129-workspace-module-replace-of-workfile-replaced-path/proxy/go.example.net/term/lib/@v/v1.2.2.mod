module go.example.net/term/lib

go 1.18

require (
	go.example.net/term/Lib v1.3.1
	test.example/yaml v1.0.3
	test.example/yaml v1.3.3
	test.example/yaml v1.8.0
)
