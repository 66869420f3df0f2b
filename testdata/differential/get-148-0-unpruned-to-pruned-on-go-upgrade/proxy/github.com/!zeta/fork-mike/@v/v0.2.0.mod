module github.com/Zeta/fork-mike

go 1.21
