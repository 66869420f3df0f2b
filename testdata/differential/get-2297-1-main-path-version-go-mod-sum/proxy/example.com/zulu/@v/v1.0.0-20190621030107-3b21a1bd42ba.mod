module example.com/zulu

go 1.26.1

require (
	go.example.net/golf/core v1.0.3-0.20220528023558-7d482ce12a4a
	test.example/net v1.3.0
)
