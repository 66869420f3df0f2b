module test.example/lib

go 1.14
