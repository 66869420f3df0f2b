module github.com/Zeta/hotel/Romeo

go 1.21rc1

require (
	test.example/golf/juLiet v1.0.0-20220401000614-29bcb926349e
	github.com/acme/net/net v1.0.0-20180127160354-55f0cde5c312
	go.example.net/quebec v1.1.3
)
