module github.com/Zeta/json

go 1.11
