module github.com/Zeta/kilo/sql
