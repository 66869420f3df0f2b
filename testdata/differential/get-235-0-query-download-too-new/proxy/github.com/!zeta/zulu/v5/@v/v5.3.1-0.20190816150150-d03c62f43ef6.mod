module github.com/Zeta/zulu/v5

go 1.22
