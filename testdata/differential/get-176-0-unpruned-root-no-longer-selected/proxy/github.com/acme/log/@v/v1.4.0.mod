module github.com/acme/log

go 1.25.0
