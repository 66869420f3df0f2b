module example.com/pseudo

go 1.21
