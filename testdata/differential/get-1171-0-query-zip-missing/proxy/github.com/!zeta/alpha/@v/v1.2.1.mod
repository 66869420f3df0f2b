module github.com/Zeta/alpha

go 1.22
