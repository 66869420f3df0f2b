module test.example/fork-india

go 1.16

require (
	github.com/Zeta/golf v1.0.2-0.20220708033607-c86b9c608438
)
