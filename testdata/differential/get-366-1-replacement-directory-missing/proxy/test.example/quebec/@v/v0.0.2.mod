module test.example/quebec

go 1.11

require (
	test.example/golf/juLiet v1.0.0-20220401000614-29bcb926349e
)
