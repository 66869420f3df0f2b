module github.com/acme/whiskey

go 1.23.4
