module example.com/main

go 1.23.4

toolchain go1.20

require (
	example.com/oscar/sql v0.0.2
	example.com/xray/v4 v4.0.2
	example.org/text v1.0.3
	github.com/Zeta/core/yaml v0.3.1
	go.example.net/golf/core v1.0.3-0.20220528023558-7d482ce12a4a
	go.example.net/juliet v0.2.3
	go.example.net/yaml/victor v1.4.2
	test.example/net v1.3.2
	test.example/sierra/log v1.2.1
)
