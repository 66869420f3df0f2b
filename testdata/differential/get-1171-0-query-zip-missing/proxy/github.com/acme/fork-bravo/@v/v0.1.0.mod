module github.com/acme/fork-bravo

go 1.16
