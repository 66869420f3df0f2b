module test.example/log

go 1.19
