module github.com/Zeta/mike

go 1.22
