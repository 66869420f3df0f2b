module test.example/log

go 1.21.0
