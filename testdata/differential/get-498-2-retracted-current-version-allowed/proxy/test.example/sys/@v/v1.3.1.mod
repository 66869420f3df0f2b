module test.example/sys

go 1.22.1
