module github.com/acme/kilo

go 1.17
