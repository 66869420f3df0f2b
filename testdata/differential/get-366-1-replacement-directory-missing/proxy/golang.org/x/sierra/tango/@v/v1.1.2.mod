module golang.org/x/sierra/tango

go 1.22

require (
	github.com/Zeta/india v1.1.1
	test.example/golf/juLiet v1.0.0-20220401000614-29bcb926349e
)
