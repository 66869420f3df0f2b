module golang.org/x/fork-whiskey

go 1.20
