module example.com/Yaml

go 1.20

require (
	go.example.net/quebec v1.0.1
	golang.org/x/sierra/tango v1.1.2
	test.example/quebec v0.0.2
)
