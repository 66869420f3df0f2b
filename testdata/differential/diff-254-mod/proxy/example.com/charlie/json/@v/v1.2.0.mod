module example.com/charlie/json

go 1.26.1
