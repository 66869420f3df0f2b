module golang.org/x/mike

go 1.11
