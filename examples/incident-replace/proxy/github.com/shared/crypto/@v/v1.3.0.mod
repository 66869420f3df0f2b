module github.com/shared/crypto

go 1.21
