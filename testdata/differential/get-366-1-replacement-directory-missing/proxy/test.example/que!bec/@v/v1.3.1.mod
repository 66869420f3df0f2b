module test.example/queBec

go 1.26.1
