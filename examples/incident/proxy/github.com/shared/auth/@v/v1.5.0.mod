module github.com/shared/auth

go 1.21
