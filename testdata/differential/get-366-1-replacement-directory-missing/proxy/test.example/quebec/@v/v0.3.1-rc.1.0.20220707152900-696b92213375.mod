module test.example/quebec

go 1.16

require (
	github.com/Zeta/india v1.1.1
	example.org/tExt v1.2.0
	example.org/echO v0.1.1
	test.example/golf/juLiet v1.0.0-20220401000614-29bcb926349e
	go.example.net/victor v1.1.0-beta.2.0.20230114214714-3509962da40c
)
