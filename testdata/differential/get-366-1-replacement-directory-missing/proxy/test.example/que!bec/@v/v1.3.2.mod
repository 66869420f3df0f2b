module test.example/queBec

go 1.17
