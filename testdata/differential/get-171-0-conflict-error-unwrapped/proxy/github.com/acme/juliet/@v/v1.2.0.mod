module github.com/acme/juliet

go 1.21rc1
