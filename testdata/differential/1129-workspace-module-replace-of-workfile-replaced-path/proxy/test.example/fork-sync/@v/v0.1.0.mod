module test.example/fork-sync

go 1.20
