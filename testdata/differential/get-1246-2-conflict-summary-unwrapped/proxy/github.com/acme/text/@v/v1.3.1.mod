module github.com/acme/text

go 1.21.0
