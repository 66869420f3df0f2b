module github.com/Zeta/errors/romeo

go 1.25.0
