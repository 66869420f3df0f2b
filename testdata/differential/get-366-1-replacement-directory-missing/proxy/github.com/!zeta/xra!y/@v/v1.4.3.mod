module github.com/Zeta/xraY

require (
	test.example/util v1.2.3
	github.com/Zeta/golf v1.0.2-0.20220708033607-c86b9c608438
)
