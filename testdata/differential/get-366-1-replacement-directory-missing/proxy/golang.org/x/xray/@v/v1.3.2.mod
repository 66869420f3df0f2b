module golang.org/x/xray

go 1.21.0

require (
	example.org/tExt v1.4.0
	github.com/Zeta/golf v1.0.2-0.20220708033607-c86b9c608438
	example.org/kilo v0.4.2
)
