module test.example/oscar/sync

go 1.17
