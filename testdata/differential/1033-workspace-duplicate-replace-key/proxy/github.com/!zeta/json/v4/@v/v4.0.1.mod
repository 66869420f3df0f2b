module github.com/Zeta/json/v4

go 1.16
