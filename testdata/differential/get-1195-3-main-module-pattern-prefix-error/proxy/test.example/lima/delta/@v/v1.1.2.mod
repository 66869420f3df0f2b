module test.example/lima/delta

go 1.18
