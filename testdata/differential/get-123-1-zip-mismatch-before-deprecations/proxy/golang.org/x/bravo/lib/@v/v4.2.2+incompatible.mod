module golang.org/x/bravo/lib

go 1.18
