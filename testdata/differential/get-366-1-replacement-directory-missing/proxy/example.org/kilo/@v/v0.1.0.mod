module example.org/kilo

go 1.18
