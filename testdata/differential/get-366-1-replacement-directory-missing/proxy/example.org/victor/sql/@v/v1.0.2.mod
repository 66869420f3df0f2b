module example.org/victor/sql

go 1.23
