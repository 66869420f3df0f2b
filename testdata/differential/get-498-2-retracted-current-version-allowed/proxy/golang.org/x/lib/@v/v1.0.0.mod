module golang.org/x/lib

go 1.18
