module test.example/alpha

go 1.21.0
