module github.com/acme/echo

go 1.26.1
