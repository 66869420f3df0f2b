module example.org/net/oscar

go 1.16
