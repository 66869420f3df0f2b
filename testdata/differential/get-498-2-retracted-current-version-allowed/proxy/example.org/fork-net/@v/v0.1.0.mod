module example.org/fork-net

go 1.11
