module example.org/sierra

go 1.21
