module example.com/fork-kilo

go 1.20
