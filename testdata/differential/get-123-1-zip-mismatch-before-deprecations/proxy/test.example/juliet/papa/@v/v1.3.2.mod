module test.example/juliet/papa

go 1.18
