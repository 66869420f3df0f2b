module golang.org/x/xray

go 1.24.2

require (
	github.com/Zeta/golf v1.0.2-0.20220708033607-c86b9c608438
	go.example.net/kiLo/uniform v0.3.1
)
