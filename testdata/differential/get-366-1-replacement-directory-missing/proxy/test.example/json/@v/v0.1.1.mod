module test.example/json

go 1.25.0
