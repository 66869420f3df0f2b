module test.example/fork-lib/uniform

go 1.22
