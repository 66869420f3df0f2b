module test.example/charlie/xray

go 1.20
