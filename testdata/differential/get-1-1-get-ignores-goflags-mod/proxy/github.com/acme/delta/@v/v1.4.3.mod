module github.com/acme/delta

go 1.20
