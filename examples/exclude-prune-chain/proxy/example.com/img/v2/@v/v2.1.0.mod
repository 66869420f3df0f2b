module example.com/img/v2

go 1.21
