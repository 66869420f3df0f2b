module github.com/Zeta/alpha/v2

go 1.22
