module example.org/hotel

go 1.21.0

replace github.com/acme/sync => github.com/acme/sync v1.1.3
