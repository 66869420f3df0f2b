module test.example/util

go 1.22.1
