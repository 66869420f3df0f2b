module example.com/from-b

go 1.21
