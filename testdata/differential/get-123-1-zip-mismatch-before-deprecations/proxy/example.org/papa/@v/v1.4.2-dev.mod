module example.org/papa

go 1.11

require (
	test.example/sys v1.2.1
	golang.org/x/net v0.4.0
	go.example.net/echo v1.3.0
)
