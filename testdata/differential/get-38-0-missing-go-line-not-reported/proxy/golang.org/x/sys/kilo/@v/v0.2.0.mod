module golang.org/x/sys/kilo

go 1.16
