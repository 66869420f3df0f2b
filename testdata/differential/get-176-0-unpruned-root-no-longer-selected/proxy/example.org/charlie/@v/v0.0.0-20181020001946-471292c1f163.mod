module example.org/charlie

go 1.27.3
