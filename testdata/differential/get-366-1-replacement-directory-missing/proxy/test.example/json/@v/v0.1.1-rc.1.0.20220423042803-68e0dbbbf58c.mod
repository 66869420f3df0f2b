module test.example/json

go 1.21
