module github.com/Zeta/golf/victor

go 1.22.1

toolchain go1.24.2

require (
	golang.org/x/crypto v1.4.1
)
