module example.com/from-c

go 1.21
