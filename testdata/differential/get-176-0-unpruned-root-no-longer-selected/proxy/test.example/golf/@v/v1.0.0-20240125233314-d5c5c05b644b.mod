module test.example/golf

go 1.11
