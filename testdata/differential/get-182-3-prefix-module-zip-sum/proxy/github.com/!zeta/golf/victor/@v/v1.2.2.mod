module github.com/Zeta/golf/victor

go 1.23.4

require (
	test.example/alpha v1.4.1
	golang.org/x/crypto v1.4.1
)
