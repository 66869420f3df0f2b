module github.com/acme/fork-kilo/sierra

go 1.23.4
