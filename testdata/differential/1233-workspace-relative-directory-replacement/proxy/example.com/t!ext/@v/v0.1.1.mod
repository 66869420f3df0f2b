module example.com/tExt

go 1.17
