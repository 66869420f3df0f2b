module github.com/Zeta/xraY

go 1.16
