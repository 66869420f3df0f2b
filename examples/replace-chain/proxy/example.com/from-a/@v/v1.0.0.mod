module example.com/from-a

go 1.21
