module github.com/shared/auth

go 1.21

require github.com/shared/crypto v1.3.0
