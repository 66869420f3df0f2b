module github.com/Zeta/golf/victor

go 1.21.0

toolchain go1.24.2
