module test.example/romeo

go 1.22
