module github.com/acme/sierra

go 1.17
