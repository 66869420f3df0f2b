module example.com/img

go 1.21
