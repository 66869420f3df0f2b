module github.com/acme/alpha/papa

go 1.16
