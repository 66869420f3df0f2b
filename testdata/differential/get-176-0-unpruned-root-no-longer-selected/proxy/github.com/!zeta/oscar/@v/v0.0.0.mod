module github.com/Zeta/oscar

go 1.19
