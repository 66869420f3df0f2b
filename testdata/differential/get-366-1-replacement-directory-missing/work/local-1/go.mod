module github.com/Zeta/juliet

go 1.19
