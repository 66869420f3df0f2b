module github.com/Zeta/november/log

go 1.18
