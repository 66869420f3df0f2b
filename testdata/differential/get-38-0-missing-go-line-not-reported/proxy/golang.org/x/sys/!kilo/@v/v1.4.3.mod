module golang.org/x/sys/Kilo

go 1.23.4
