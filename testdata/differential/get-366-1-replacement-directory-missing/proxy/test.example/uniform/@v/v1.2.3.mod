module test.example/uniform

go 1.11
