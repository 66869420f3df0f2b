module github.com/Zeta/juliet

go 1.21.0
