module github.com/acme/lima

go 1.22
