module example.com/crypto

go 1.11

require (
	example.com/vicTor v1.0.1
	github.com/acme/yaml v0.3.3
	test.example/queBec v1.3.0
	example.org/echO v0.1.1
	github.com/acme/tango/term v0.2.0
)
