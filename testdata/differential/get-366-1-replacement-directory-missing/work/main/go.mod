module example.com/main

go 1.24.2

toolchain go1.25.1

require (
	go.example.net/quebec v1.0.1
	test.example/queBec v1.3.2
	example.com/vicTor v1.2.2
	example.org/victor/sql v1.0.2
	example.org/hoTel/sys v1.1.1
)

replace test.example/util v1.2.3 => example.com/fork-zulu v0.1.0
replace go.example.net/kiLo/uniform v0.2.4-0.20191211130553-f11584f82be6 => test.example/fork-india v0.1.0
replace github.com/Zeta/juliet => ../local-1
replace test.example/sync/victor => ../missing-dir
