module golang.org/x/sql

go 1.21.0
