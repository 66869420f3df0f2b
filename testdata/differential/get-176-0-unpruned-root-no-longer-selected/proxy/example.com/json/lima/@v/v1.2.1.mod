module example.com/json/lima

go 1.21.0
