module example.org/tExt

go 1.21

require (
	go.example.net/kiLo/uniform v0.3.3
	example.org/echO v0.1.1
	github.com/Zeta/golf v1.0.2-0.20220708033607-c86b9c608438
)
