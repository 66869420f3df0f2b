module example.com/oscar

go 1.21
