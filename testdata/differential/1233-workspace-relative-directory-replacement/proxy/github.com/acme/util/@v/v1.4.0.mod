module github.com/acme/util

go 1.25.0
