module test.example/util

go 1.25
