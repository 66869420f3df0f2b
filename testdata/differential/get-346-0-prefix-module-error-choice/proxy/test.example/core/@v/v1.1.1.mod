module test.example/core

go 1.20
