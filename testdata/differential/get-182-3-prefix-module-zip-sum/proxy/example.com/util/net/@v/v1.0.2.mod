module example.com/util/net

go 1.14
