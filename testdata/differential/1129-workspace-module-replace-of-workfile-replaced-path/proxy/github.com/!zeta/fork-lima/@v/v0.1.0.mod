module github.com/Zeta/fork-lima

go 1.22
