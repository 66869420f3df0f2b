module example.com/main

go 1.23.4

toolchain go1.22rc1

require (
	golang.org/x/delTa v1.3.3
	test.example/foxtrot v1.1.1
	golang.org/x/util v1.2.3
	go.example.net/yaml v1.1.3
)

replace golang.org/x/delTa v1.3.3 => github.com/Zeta/net v1.1.3
replace github.com/acme/sieRra v1.9.9 => example.org/fork-india v0.1.0
