module example.org/sql

go 1.22.1
