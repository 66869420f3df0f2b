module example.com/fork-me

go 1.22
