module github.com/Zeta/delta

go 1.16
