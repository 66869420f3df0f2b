module github.com/Zeta/util

go 1.21
