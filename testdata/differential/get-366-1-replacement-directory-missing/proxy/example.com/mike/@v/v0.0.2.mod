module example.com/mike

go 1.21.0

require (
	test.example/quebec v0.0.2
	go.example.net/jsOn/alpha v1.2.1
)
