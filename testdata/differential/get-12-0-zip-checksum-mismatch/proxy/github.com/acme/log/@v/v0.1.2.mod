module github.com/acme/log

go 1.16
