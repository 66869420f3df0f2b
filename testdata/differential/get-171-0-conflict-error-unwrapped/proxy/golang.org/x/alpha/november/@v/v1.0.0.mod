module golang.org/x/alpha/november

go 1.16
