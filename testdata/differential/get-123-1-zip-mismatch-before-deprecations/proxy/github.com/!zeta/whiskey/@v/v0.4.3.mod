module github.com/Zeta/whiskey

go 1.26.1
