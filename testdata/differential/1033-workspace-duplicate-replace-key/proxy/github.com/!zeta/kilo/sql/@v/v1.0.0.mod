module github.com/Zeta/kilo/sql

go 1.21rc1
