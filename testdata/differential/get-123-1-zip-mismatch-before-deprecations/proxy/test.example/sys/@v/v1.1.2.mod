module test.example/sys

go 1.21rc1
