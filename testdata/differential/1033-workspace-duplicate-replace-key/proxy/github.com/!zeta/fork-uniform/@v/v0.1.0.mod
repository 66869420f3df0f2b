module github.com/Zeta/fork-uniform

go 1.21rc1
