module github.com/Zeta/term/json

go 1.21rc1
