module example.com/lima

go 1.23
