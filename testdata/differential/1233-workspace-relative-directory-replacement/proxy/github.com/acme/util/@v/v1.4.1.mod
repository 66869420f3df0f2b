module github.com/acme/util

go 1.26.1
