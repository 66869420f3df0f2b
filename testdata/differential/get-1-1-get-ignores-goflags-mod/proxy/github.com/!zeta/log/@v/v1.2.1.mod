module github.com/Zeta/log

go 1.21.0
