module golang.org/x/alpha/teXt

go 1.13
