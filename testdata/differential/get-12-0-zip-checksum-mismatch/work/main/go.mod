module example.com/main

go 1.22

toolchain default

require (
	golang.org/x/victor/alpha v0.3.2
	example.org/echo v0.2.0
	test.example/json v1.0.3
	go.example.net/yankee v0.2.3
	github.com/acme/log v0.4.0
)

replace github.com/acme/yankee v1.4.0 => ../local-1
