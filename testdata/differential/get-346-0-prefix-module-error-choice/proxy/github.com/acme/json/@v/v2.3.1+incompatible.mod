module github.com/acme/json

go 1.22
