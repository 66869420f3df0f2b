module test.example/log

go 1.23.4
