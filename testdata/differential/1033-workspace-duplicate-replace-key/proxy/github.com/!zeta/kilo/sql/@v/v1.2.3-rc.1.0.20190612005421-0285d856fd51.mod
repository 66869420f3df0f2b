module github.com/Zeta/kilo/sql

go 1.25.0
