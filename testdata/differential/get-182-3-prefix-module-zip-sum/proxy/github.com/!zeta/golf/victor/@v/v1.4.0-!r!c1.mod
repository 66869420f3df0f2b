module github.com/Zeta/golf/victor

go 1.20

require (
	go.example.net/foxtrot/quebec v0.4.0
)
