module example.com/oscar

go 1.23
