module github.com/acme/yankee

go 1.21
