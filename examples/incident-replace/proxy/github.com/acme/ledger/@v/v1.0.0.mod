module github.com/acme/ledger

go 1.21

require github.com/shared/auth v1.4.0
