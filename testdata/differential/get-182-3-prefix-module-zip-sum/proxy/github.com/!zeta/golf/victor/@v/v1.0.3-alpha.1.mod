module github.com/Zeta/golf/victor

go 1.13

require (
	golang.org/x/crypto v1.4.1
	go.example.net/foxtrot/quebec v0.0.0
)
