module golang.org/x/json

go 1.21
