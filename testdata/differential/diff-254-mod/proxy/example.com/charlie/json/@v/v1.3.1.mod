module example.com/charlie/json

go 1.21rc1
