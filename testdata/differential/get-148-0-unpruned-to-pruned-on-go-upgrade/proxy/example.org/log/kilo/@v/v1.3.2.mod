module example.org/log/kilo

go 1.23
