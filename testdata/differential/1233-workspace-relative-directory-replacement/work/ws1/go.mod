module example.com/ws1

go 1.21
