module example.com/main

go 1.21.0

require (
	go.example.net/yankee v0.2.0
	test.example/util v1.0.1
	go.example.net/errors v1.1.0
	github.com/acme/text v1.3.1
)

replace github.com/acme/text v1.3.1 => golang.org/x/fork-whiskey v0.1.0
replace go.example.net/errors v1.4.1 => example.com/fork-kilo v0.1.0
