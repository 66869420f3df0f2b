module github.com/Zeta/sync

go 1.14
