module example.com/charlie

go 1.22.1
