module test.example/juliet/papa

go 1.21.0
