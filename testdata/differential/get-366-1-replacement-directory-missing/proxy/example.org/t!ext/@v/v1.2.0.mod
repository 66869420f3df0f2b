module example.org/tExt

go 1.21

require (
	github.com/Zeta/golf v1.0.2-0.20220708033607-c86b9c608438
	github.com/Zeta/golf v1.0.2-0.20220708033607-c86b9c608438
)
